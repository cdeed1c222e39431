using ReportEngine.Layout.Text;

namespace ReportEngine.Layout;

/// <summary>Styles one span; the alignment methods apply to the span's whole paragraph.</summary>
public sealed class TextSpanDescriptor
{
    private readonly TextBlockElement block;
    private readonly TextSpan span;

    internal TextSpanDescriptor(TextBlockElement block, TextSpan span)
    {
        this.block = block;
        this.span = span;
    }

    /// <summary>Sets the font family.</summary>
    public TextSpanDescriptor FontFamily(string family) => Set(span.Style.FontFamily(family));

    /// <summary>Sets the font size in points.</summary>
    public TextSpanDescriptor FontSize(float size) => Set(span.Style.FontSize(size));

    /// <summary>Bold (or regular with false).</summary>
    public TextSpanDescriptor Bold(bool value = true) => Set(span.Style.Bold(value));

    /// <summary>Italic (or upright with false).</summary>
    public TextSpanDescriptor Italic(bool value = true) => Set(span.Style.Italic(value));

    /// <summary>Sets the colour.</summary>
    public TextSpanDescriptor FontColor(Color color) => Set(span.Style.FontColor(color));

    /// <summary>Underlines the span.</summary>
    public TextSpanDescriptor Underline(bool value = true) => Set(span.Style.Underline(value));

    /// <summary>Strikes the span through.</summary>
    public TextSpanDescriptor Strikethrough(bool value = true) => Set(span.Style.Strikethrough(value));

    /// <summary>Line height as a multiple of the font size.</summary>
    public TextSpanDescriptor LineHeight(float factor) => Set(span.Style.LineHeight(factor));

    /// <summary>Makes the span a link to a web address.</summary>
    public TextSpanDescriptor Hyperlink(string url) => Set(span.Style with { LinkUrl = url ?? throw new ArgumentNullException(nameof(url)) });

    /// <summary>Makes the span a link to a section (<c>Section(name)</c>) or heading of the document.</summary>
    public TextSpanDescriptor SectionLink(string sectionName) => Set(span.Style with { LinkSection = sectionName ?? throw new ArgumentNullException(nameof(sectionName)) });

    /// <summary>Applies several style settings at once.</summary>
    public TextSpanDescriptor Style(Func<TextStyle, TextStyle> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Set(style(span.Style));
    }

    /// <summary>Aligns the paragraph's lines to the left.</summary>
    public TextSpanDescriptor AlignLeft() => Align(TextAlignment.Left);

    /// <summary>Centres the paragraph's lines.</summary>
    public TextSpanDescriptor AlignCenter() => Align(TextAlignment.Center);

    /// <summary>Aligns the paragraph's lines to the right.</summary>
    public TextSpanDescriptor AlignRight() => Align(TextAlignment.Right);

    /// <summary>Justifies the paragraph.</summary>
    public TextSpanDescriptor Justify() => Align(TextAlignment.Justify);

    private TextSpanDescriptor Align(TextAlignment alignment)
    {
        block.Alignment = alignment;
        return this;
    }

    private TextSpanDescriptor Set(TextStyle style)
    {
        span.Style = style;
        return this;
    }
}
