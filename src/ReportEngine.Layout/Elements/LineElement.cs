using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

/// <summary>A horizontal or vertical rule across the available width or height.</summary>
internal sealed class LineElement : Element
{
    public bool Vertical { get; init; }
    public float Thickness { get; init; } = 1;
    public Color Color { get; init; } = Colors.Black;

    public override SpacePlan Measure(Size available)
    {
        if (Vertical)
        {
            return Thickness <= available.Width + Size.Epsilon ? SpacePlan.Full(Thickness, 0) : SpacePlan.Wrap(this);
        }

        return Thickness <= available.Height + Size.Epsilon ? SpacePlan.Full(0, Thickness) : SpacePlan.Wrap(this);
    }

    public override void Draw(Size available)
    {
        if (Vertical)
        {
            Canvas.FillRectangle(0, 0, Thickness, available.Height, Color);
        }
        else
        {
            Canvas.FillRectangle(0, 0, available.Width, Thickness, Color);
        }
    }
}
