namespace ReportEngine.Layout;

/// <summary>A page size in points (1/72 inch).</summary>
/// <param name="Width">Width in points.</param>
/// <param name="Height">Height in points.</param>
public readonly record struct PageSize(float Width, float Height)
{
    /// <summary>The same size turned sideways (width ≥ height).</summary>
    public PageSize Landscape() => Width >= Height ? this : new PageSize(Height, Width);

    /// <summary>The same size upright (height ≥ width).</summary>
    public PageSize Portrait() => Height >= Width ? this : new PageSize(Height, Width);
}

/// <summary>Common page sizes, portrait.</summary>
public static class PageSizes
{
    /// <summary>ISO A3, 297 × 420 mm.</summary>
    public static readonly PageSize A3 = new(841.89f, 1190.55f);

    /// <summary>ISO A4, 210 × 297 mm.</summary>
    public static readonly PageSize A4 = new(595.28f, 841.89f);

    /// <summary>ISO A5, 148 × 210 mm.</summary>
    public static readonly PageSize A5 = new(419.53f, 595.28f);

    /// <summary>ISO A6, 105 × 148 mm.</summary>
    public static readonly PageSize A6 = new(297.64f, 419.53f);

    /// <summary>US Letter, 8.5 × 11 in.</summary>
    public static readonly PageSize Letter = new(612, 792);
}
