namespace ReportEngine.Layout;

/// <summary>
/// An immutable text style. Unset properties inherit from the enclosing default style
/// (<c>page.DefaultTextStyle(...)</c> or <c>container.DefaultTextStyle(...)</c>), finally from <see cref="Default"/>.
/// Every method returns a new style: <c>s =&gt; s.FontFamily("DejaVu Sans").FontSize(10)</c>.
/// </summary>
public sealed record TextStyle
{
    /// <summary>DejaVu Sans, 10 pt, black, the font's natural line height.</summary>
    public static readonly TextStyle Default = new()
    {
        Family = FontManager.DefaultFamily,
        Size = 10,
        IsBold = false,
        IsItalic = false,
        Color = Colors.Black,
        IsUnderline = false,
        IsStrikethrough = false,
        LineHeightFactor = null,
    };

    /// <summary>An empty style: everything inherited.</summary>
    public static readonly TextStyle Inherit = new();

    internal string? Family { get; init; }
    internal float? Size { get; init; }
    internal bool? IsBold { get; init; }
    internal bool? IsItalic { get; init; }
    internal Color? Color { get; init; }
    internal bool? IsUnderline { get; init; }
    internal bool? IsStrikethrough { get; init; }

    /// <summary>A web address the span links to (set through <c>TextSpanDescriptor.Hyperlink</c>).</summary>
    internal string? LinkUrl { get; init; }

    /// <summary>A section or heading the span links to (set through <c>TextSpanDescriptor.SectionLink</c>).</summary>
    internal string? LinkSection { get; init; }

    /// <summary>Multiple of the font size; null means the font's own ascent + descent + gap.</summary>
    internal float? LineHeightFactor { get; init; }

    /// <summary>Sets the font family (registered with <see cref="FontManager"/>).</summary>
    public TextStyle FontFamily(string family) => this with { Family = family };

    /// <summary>Sets the font size in points.</summary>
    public TextStyle FontSize(float size) => size > 0 ? this with { Size = size } : throw new ArgumentOutOfRangeException(nameof(size));

    /// <summary>Bold weight, or regular with <c>false</c>.</summary>
    public TextStyle Bold(bool value = true) => this with { IsBold = value };

    /// <summary>Italic (oblique), or upright with <c>false</c>.</summary>
    public TextStyle Italic(bool value = true) => this with { IsItalic = value };

    /// <summary>Sets the text colour.</summary>
    public TextStyle FontColor(Color color) => this with { Color = color };

    /// <summary>Underlines the text.</summary>
    public TextStyle Underline(bool value = true) => this with { IsUnderline = value };

    /// <summary>Strikes the text through.</summary>
    public TextStyle Strikethrough(bool value = true) => this with { IsStrikethrough = value };

    /// <summary>Line height as a multiple of the font size (1.2 = 120%).</summary>
    public TextStyle LineHeight(float factor) => factor > 0 ? this with { LineHeightFactor = factor } : throw new ArgumentOutOfRangeException(nameof(factor));

    private bool IsEmpty => Family is null && Size is null && IsBold is null && IsItalic is null && Color is null
        && IsUnderline is null && IsStrikethrough is null && LineHeightFactor is null && LinkUrl is null && LinkSection is null;

    /// <summary>Fills this style's unset properties from <paramref name="parent"/>.</summary>
    internal TextStyle InheritFrom(TextStyle parent) => IsEmpty ? parent : new()
    {
        Family = Family ?? parent.Family,
        Size = Size ?? parent.Size,
        IsBold = IsBold ?? parent.IsBold,
        IsItalic = IsItalic ?? parent.IsItalic,
        Color = Color ?? parent.Color,
        IsUnderline = IsUnderline ?? parent.IsUnderline,
        IsStrikethrough = IsStrikethrough ?? parent.IsStrikethrough,
        LineHeightFactor = LineHeightFactor ?? parent.LineHeightFactor,
        LinkUrl = LinkUrl ?? parent.LinkUrl,
        LinkSection = LinkSection ?? parent.LinkSection,
    };
}
