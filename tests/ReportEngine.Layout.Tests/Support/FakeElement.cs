using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tests.Support;

/// <summary>A leaf that answers measures with a fixed height (splitting by lines of 10 pt) and records draws.</summary>
internal sealed class FakeElement(float width, float height) : Element, IStateful
{
    private float drawn;

    public List<(Size Size, float OriginY)> Draws { get; } = [];

    public void ResetState() => drawn = 0;

    public override SpacePlan Measure(Size available)
    {
        var left = height - drawn;
        if (left <= 0)
        {
            return SpacePlan.Empty();
        }

        if (left <= available.Height)
        {
            return SpacePlan.Full(width, left);
        }

        var fits = MathF.Floor(available.Height / 10) * 10;
        return fits <= 0 ? SpacePlan.Wrap(this) : SpacePlan.Partial(width, fits);
    }

    public override void Draw(Size available)
    {
        var plan = Measure(available);
        Draws.Add((available, Canvas.Origin.Y));
        drawn += plan.Height;
    }
}
