using ReportEngine.Layout.Fonts;
using SkiaSharp;

namespace ReportEngine.Layout.Infrastructure;

/// <summary>
/// What elements may draw. Coordinates are relative to the current origin (moved with <see cref="Translate"/>),
/// y grows downwards. The counting pass uses a canvas that draws nothing, so layout runs twice cheaply.
/// </summary>
internal interface ICanvas
{
    /// <summary>Absolute position of the current origin on the page, for locations and outline entries.</summary>
    (float X, float Y) Origin { get; }

    void Translate(float dx, float dy);

    void FillRectangle(float x, float y, float width, float height, Color color);

    void DrawLine(float x1, float y1, float x2, float y2, float thickness, Color color);

    /// <summary>Draws positioned glyphs of one face; x positions are relative to (x, baselineY).</summary>
    void DrawGlyphs(FontFace face, float size, Color color, float x, float baselineY, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<float> xPositions, ReadOnlySpan<float> yOffsets);

    void DrawImage(SKImage image, float x, float y, float width, float height);

    /// <summary>Runs a drawing callback directly on Skia (charts), clipped to the rectangle.</summary>
    void DrawWithSkia(float x, float y, float width, float height, Action<SKCanvas, SKRect> draw);

    void LinkToUrl(float x, float y, float width, float height, string url);

    void LinkToDestination(float x, float y, float width, float height, string destination);

    void DefineDestination(float x, float y, string destination);
}

/// <summary>Draws nothing and tracks only the origin: the counting pass and detached elements use it.</summary>
internal class NullCanvas : ICanvas
{
    public static readonly NullCanvas Instance = new();

    public (float X, float Y) Origin { get; private set; }

    public void Translate(float dx, float dy) => Origin = (Origin.X + dx, Origin.Y + dy);

    public virtual void FillRectangle(float x, float y, float width, float height, Color color)
    {
    }

    public virtual void DrawLine(float x1, float y1, float x2, float y2, float thickness, Color color)
    {
    }

    public virtual void DrawGlyphs(FontFace face, float size, Color color, float x, float baselineY, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<float> xPositions, ReadOnlySpan<float> yOffsets)
    {
    }

    public virtual void DrawImage(SKImage image, float x, float y, float width, float height)
    {
    }

    public virtual void DrawWithSkia(float x, float y, float width, float height, Action<SKCanvas, SKRect> draw)
    {
    }

    public virtual void LinkToUrl(float x, float y, float width, float height, string url)
    {
    }

    public virtual void LinkToDestination(float x, float y, float width, float height, string destination)
    {
    }

    public virtual void DefineDestination(float x, float y, string destination)
    {
    }

    public void ResetOrigin() => Origin = (0, 0);
}
