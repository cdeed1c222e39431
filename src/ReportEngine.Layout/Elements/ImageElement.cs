using ReportEngine.Layout.Infrastructure;
using SkiaSharp;

namespace ReportEngine.Layout.Elements;

/// <summary>
/// A PNG or JPEG scaled to the available width, keeping its aspect ratio. If it is too tall for the room left
/// it moves to the next page; if it is taller than a whole page it is scaled down to fit the page.
/// </summary>
internal sealed class ImageElement : Element, IStateful
{
    private WrapGuard guard;

    public required SKImage Image { get; init; }

    public void ResetState() => guard.Reset();

    public override SpacePlan Measure(Size available)
    {
        var (width, height) = Fit(available.Width, float.PositiveInfinity);
        if (height <= available.Height + Size.Epsilon)
        {
            return SpacePlan.Full(width, height);
        }

        // Taller than the whole content area: shrink to it (when that is what is offered) rather than fail.
        var pageHeight = Context.ContentAreaSize.Height;
        if (available.Height + Size.Epsilon >= pageHeight || float.IsInfinity(height) || !guard.MayWrap(Context))
        {
            var (w, h) = Fit(available.Width, available.Height);
            return w > 0 && h > 0 ? SpacePlan.Full(w, h) : SpacePlan.Wrap(this);
        }

        return SpacePlan.Wrap(this);
    }

    public override void Draw(Size available)
    {
        var (width, height) = Fit(available.Width, available.Height);
        Canvas.DrawImage(Image, (available.Width - width) / 2, 0, width, height);
    }

    private (float Width, float Height) Fit(float maxWidth, float maxHeight)
    {
        var scale = Math.Min(maxWidth / Image.Width, maxHeight / Image.Height);
        return (Image.Width * scale, Image.Height * scale);
    }

    public override string Describe() => $"Image {Image.Width}x{Image.Height}";
}
