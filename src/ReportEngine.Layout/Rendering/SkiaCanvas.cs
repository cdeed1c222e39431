using ReportEngine.Layout.Fonts;
using ReportEngine.Layout.Infrastructure;
using SkiaSharp;

namespace ReportEngine.Layout.Rendering;

/// <summary>Draws on a Skia canvas (a PDF page or a raster preview), with the typefaces chosen for this output.</summary>
internal sealed class SkiaCanvas : ICanvas, IDisposable
{
    private readonly Func<FontFace, SKTypeface> typefaceFor;
    private readonly Dictionary<(FontFace Face, float Size), SKFont> fonts = [];
    private readonly SKPaint fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };
    private readonly TextBatch text = new();
    private uint? fillColor;
    private SKCanvas canvas = null!;
    private float originX;
    private float originY;

    public SkiaCanvas(Func<FontFace, SKTypeface> typefaceFor)
    {
        this.typefaceFor = typefaceFor;
    }

    public (float X, float Y) Origin => (originX, originY);

    /// <summary>Points the canvas at a new page.</summary>
    public void BeginPage(SKCanvas pageCanvas)
    {
        canvas = pageCanvas;
        originX = 0;
        originY = 0;
    }

    public void Translate(float dx, float dy)
    {
        originX += dx;
        originY += dy;
    }

    public void FillRectangle(float x, float y, float width, float height, Color color)
    {
        if (color.Alpha == 0 || width <= 0 || height <= 0)
        {
            return;
        }

        SetFill(color.Argb);
        canvas.DrawRect(originX + x, originY + y, width, height, fill);
    }

    // Setting a paint's colour crosses into native code: skip it when the colour is unchanged.
    private void SetFill(uint argb)
    {
        if (fillColor != argb)
        {
            fill.Color = new SKColor(argb);
            fillColor = argb;
        }
    }

    public void DrawLine(float x1, float y1, float x2, float y2, float thickness, Color color)
    {
        stroke.Color = new SKColor(color.Argb);
        stroke.StrokeWidth = thickness;
        canvas.DrawLine(originX + x1, originY + y1, originX + x2, originY + y2, stroke);
    }

    public void DrawGlyphs(FontFace face, float size, Color color, float x, float baselineY, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<float> xPositions, ReadOnlySpan<float> yOffsets)
    {
        if (glyphs.IsEmpty)
        {
            return;
        }

        if (!fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(typefaceFor(face), size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            fonts[(face, size)] = font;
        }

        text.Add(font, color.Argb, originX + x, originY + baselineY, glyphs, xPositions, yOffsets);
    }

    /// <summary>Draws the collected text; called before anything that might be drawn over it, and at page end.</summary>
    public void FlushText()
    {
        if (!text.IsEmpty)
        {
            text.Flush(canvas, fill);
            fillColor = null;
        }
    }

    public void DrawImage(SKImage image, float x, float y, float width, float height)
    {
        FlushText();
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(image, SKRect.Create(originX + x, originY + y, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
    }

    public void DrawWithSkia(float x, float y, float width, float height, Action<SKCanvas, SKRect> draw)
    {
        FlushText();
        var rect = SKRect.Create(originX + x, originY + y, width, height);
        canvas.Save();
        canvas.ClipRect(rect);
        draw(canvas, rect);
        canvas.Restore();
    }

    public void LinkToUrl(float x, float y, float width, float height, string url) =>
        canvas.DrawUrlAnnotation(SKRect.Create(originX + x, originY + y, width, height), url);

    public void LinkToDestination(float x, float y, float width, float height, string destination) =>
        canvas.DrawLinkDestinationAnnotation(SKRect.Create(originX + x, originY + y, width, height), destination);

    public void DefineDestination(float x, float y, string destination) =>
        canvas.DrawNamedDestinationAnnotation(new SKPoint(originX + x, originY + y), destination);

    public void Dispose()
    {
        text.Dispose();

        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        fill.Dispose();
        stroke.Dispose();
    }
}
