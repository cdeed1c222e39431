using ReportEngine.Layout.Rendering;
using ReportEngine.Layout.Text;

namespace ReportEngine.Layout;

/// <summary>Builds a paragraph from spans: static text, page numbers, with alignment and line height.</summary>
public sealed class TextDescriptor
{
    private readonly TextBlockElement block;

    internal TextDescriptor(TextBlockElement block)
    {
        this.block = block;
    }

    /// <summary>Adds a span of text (NFC-normalised).</summary>
    public TextSpanDescriptor Span(string? text) => Add(new TextSpan(text ?? ""));

    /// <summary>Adds a span of text followed by a line break.</summary>
    public TextSpanDescriptor Line(string? text) => Span((text ?? "") + "\n");

    /// <summary>Adds the current page number (1-based, counted over the whole document).</summary>
    public TextSpanDescriptor CurrentPageNumber() => Add(new TextSpan(c => RenderContext.FormatNumber(c.PageNumber)));

    /// <summary>Adds the document's total number of pages.</summary>
    public TextSpanDescriptor TotalPages() => Add(new TextSpan(c => RenderContext.FormatNumber(c.TotalPages)));

    /// <summary>Adds the number of the first page of a section (see <c>Section(name)</c>) or heading.</summary>
    public TextSpanDescriptor PageNumberOfSection(string sectionName) =>
        Add(new TextSpan(c => RenderContext.FormatNumber(c.FindLocation(sectionName)?.FirstPage ?? 0)));

    /// <summary>Adds the current page's number counted from the start of a section (1 on its first page).</summary>
    public TextSpanDescriptor CurrentPageNumberInSection(string sectionName) =>
        Add(new TextSpan(c => RenderContext.FormatNumber(c.FindLocation(sectionName) is { } l ? c.PageNumber - l.FirstPage + 1 : 0)));

    /// <summary>Adds the number of pages a section spans.</summary>
    public TextSpanDescriptor TotalPagesInSection(string sectionName) =>
        Add(new TextSpan(c => RenderContext.FormatNumber(c.FindLocation(sectionName) is { } l ? l.LastPage - l.FirstPage + 1 : 0)));

    /// <summary>Aligns lines to the left (default).</summary>
    public TextDescriptor AlignLeft() => Align(TextAlignment.Left);

    /// <summary>Centres lines.</summary>
    public TextDescriptor AlignCenter() => Align(TextAlignment.Center);

    /// <summary>Aligns lines to the right.</summary>
    public TextDescriptor AlignRight() => Align(TextAlignment.Right);

    /// <summary>Stretches lines to both edges, except each paragraph's last line.</summary>
    public TextDescriptor Justify() => Align(TextAlignment.Justify);

    /// <summary>Line height as a multiple of the font size, for the whole paragraph.</summary>
    public TextDescriptor LineHeight(float factor)
    {
        block.BlockStyle = block.BlockStyle.LineHeight(factor);
        return this;
    }

    /// <summary>Style for every span of this paragraph (spans may override).</summary>
    public TextDescriptor DefaultTextStyle(Func<TextStyle, TextStyle> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        block.BlockStyle = style(block.BlockStyle);
        return this;
    }

    private TextDescriptor Align(TextAlignment alignment)
    {
        block.Alignment = alignment;
        return this;
    }

    private TextSpanDescriptor Add(TextSpan span)
    {
        block.Spans.Add(span);
        return new TextSpanDescriptor(block, span);
    }
}
