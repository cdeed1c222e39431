namespace ReportEngine.Layout.Infrastructure;

/// <summary>A width and height in PDF points (1/72 inch).</summary>
internal readonly record struct Size(float Width, float Height)
{
    public static readonly Size Zero = new(0, 0);

    /// <summary>Tolerance for float comparisons: layout sums many floats, so "fits" must forgive rounding.</summary>
    public const float Epsilon = 0.001f;
}
