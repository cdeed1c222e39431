using ReportEngine.Layout.Infrastructure;
using ReportEngine.Layout.Rendering;
using ReportEngine.Layout.Text;

namespace ReportEngine.Layout.Elements;

/// <summary>
/// Lists the document's headings with their page numbers (learned in the counting pass), each entry a link.
/// Built when first measured, because headings after it in the document are composed after it.
/// </summary>
internal sealed class TableOfContentsElement : Element
{
    private ColumnElement? content;

    public required List<HeadingInfo> Headings { get; init; }

    public int MaxLevel { get; init; } = 3;

    public TextStyle InheritedStyle { get; set; } = TextStyle.Default;

    public override IEnumerable<Element> Children => content is null ? [] : [content];

    public override SpacePlan Measure(Size available) => Build().Measure(available);

    public override void Draw(Size available) => Build().Draw(available);

    private ColumnElement Build()
    {
        if (content is not null)
        {
            return content;
        }

        content = new ColumnElement { Spacing = 3 };
        foreach (var heading in Headings.Where(h => h.Level <= MaxLevel))
        {
            var title = new TextBlockElement();
            title.Spans.Add(new TextSpan(heading.Title));
            var number = new TextBlockElement();
            number.Spans.Add(new TextSpan(c => RenderContext.FormatNumber(c.FindLocation(heading.LocationName)?.FirstPage ?? 0)));

            var row = new RowElement { Spacing = 8 };
            row.Items.Add(new RowItem
            {
                Kind = RowItemKind.Relative,
                Value = 1,
                Child = new PaddingElement { Left = 12 * (heading.Level - 1), Child = new LocationLinkElement { Location = heading.LocationName, Child = title } },
            });
            row.Items.Add(new RowItem
            {
                Kind = RowItemKind.Constant,
                Value = 36,
                Child = new AlignmentElement { Horizontal = 1, Vertical = 1, Child = new LocationLinkElement { Location = heading.LocationName, Child = number } },
            });
            content.Items.Add(row);
        }

        content.Parent = this;
        TreeWalker.Attach(content, Canvas, Context, InheritedStyle);
        return content;
    }
}
