using ReportEngine.Layout.Charts;
using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Rendering;
using ReportEngine.Layout.Tables;
using ReportEngine.Layout.Text;
using SkiaSharp;

namespace ReportEngine.Layout;

/// <summary>Content for any <see cref="IContainer"/>: layouts, text, tables, images, charts, headings.</summary>
public static partial class ContainerExtensions
{
    /// <summary>Stacks items vertically; the column splits between items (or inside one that can split) across pages.</summary>
    public static void Column(this IContainer container, Action<ColumnDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var column = container.Element(new ColumnElement());
        build(new ColumnDescriptor(column));
    }

    /// <summary>Places items side by side with constant, relative or automatic widths.</summary>
    public static void Row(this IContainer container, Action<RowDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var row = container.Element(new RowElement());
        build(new RowDescriptor(row));
    }

    /// <summary>Adds a table (see <see cref="TableDescriptor"/>).</summary>
    public static void Table(this IContainer container, Action<TableDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var table = container.Element(new TableElement());
        build(new TableDescriptor(table));
        if (table.Columns.Count == 0)
        {
            throw new InvalidOperationException("A table needs columns: call table.ColumnsDefinition(...).");
        }
    }

    /// <summary>Adds a paragraph of one span; style it with the returned descriptor.</summary>
    public static TextSpanDescriptor Text(this IContainer container, string? text)
    {
        var block = container.Element(new TextBlockElement());
        var span = new TextSpan(text ?? "");
        block.Spans.Add(span);
        return new TextSpanDescriptor(block, span);
    }

    /// <summary>Adds a paragraph of several spans, page numbers, alignment and line height.</summary>
    public static void Text(this IContainer container, Action<TextDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var block = container.Element(new TextBlockElement());
        build(new TextDescriptor(block));
    }

    /// <summary>Adds a PNG or JPEG image from its bytes, scaled to the available width (keeping its proportions).</summary>
    public static void Image(this IContainer container, byte[] imageData)
    {
        ArgumentNullException.ThrowIfNull(imageData);
        var image = SKImage.FromEncodedData(imageData) ?? throw new ArgumentException("The data is not a PNG or JPEG image.", nameof(imageData));
        container.Element(new ImageElement { Image = image });
    }

    /// <summary>Adds a PNG or JPEG image from a file, scaled to the available width.</summary>
    public static void Image(this IContainer container, string path) => container.Image(File.ReadAllBytes(path));

    /// <summary>
    /// Adds a ScottPlot chart drawn as vectors with the document's fonts. It fills its box: give it a size with
    /// <c>Height(...)</c> or <c>AspectRatio(...)</c>. The callback configures a fresh plot at each rendering.
    /// </summary>
    public static void Chart(this IContainer container, Action<ScottPlot.Plot> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        container.Element(new ChartElement { Configure = configure });
    }

    /// <summary>
    /// Adds a heading: bold text (16, 13, 11 pt for levels 1-3) that also becomes a PDF outline (bookmark)
    /// entry at that level and an entry of <see cref="TableOfContents"/>. Style it with the returned descriptor.
    /// </summary>
    public static TextSpanDescriptor Heading(this IContainer container, int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        var model = ComposeScope.Current ?? throw new InvalidOperationException("Headings can only be added while a document is composed.");
        var title = TextSpan.Normalize(text);
        var name = $"heading-{model.Headings.Count + 1}";
        model.Headings.Add(new HeadingInfo(level, title, name));
        var location = container.Element(new LocationElement { Name = name, OutlineLevel = level, OutlineTitle = title });
        var size = level switch { 1 => 16f, 2 => 13f, 3 => 11f, _ => 10f };
        return ((IContainer)location).Text(title).FontSize(size).Bold();
    }

    /// <summary>Draws a horizontal rule across the available width (e.g. under a title).</summary>
    public static void LineHorizontal(this IContainer container, float thickness = 1, Color? color = null) =>
        container.Element(new LineElement { Thickness = thickness, Color = color ?? Colors.Black });

    /// <summary>Draws a vertical rule over the available height (e.g. between row items).</summary>
    public static void LineVertical(this IContainer container, float thickness = 1, Color? color = null) =>
        container.Element(new LineElement { Vertical = true, Thickness = thickness, Color = color ?? Colors.Black });

    /// <summary>Fills the slot with a reusable piece of content: <c>col.Item().Element(KeyFigureCard)</c>.</summary>
    public static void Element(this IContainer container, Action<IContainer> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        build(container);
    }

    /// <summary>Adds a table of contents listing the document's headings (up to <paramref name="maxLevel"/>) with their page numbers, each a link.</summary>
    public static void TableOfContents(this IContainer container, int maxLevel = 3)
    {
        var model = ComposeScope.Current ?? throw new InvalidOperationException("A table of contents can only be added while a document is composed.");
        container.Element(new TableOfContentsElement { Headings = model.Headings, MaxLevel = maxLevel });
    }
}
