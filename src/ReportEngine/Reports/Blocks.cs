using ReportEngine.Layout;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>How each block type of a template is drawn.</summary>
internal static class Blocks
{
    private static readonly Color Accent = Color.FromHex("#1F4E79");
    private static readonly Color Muted = Color.FromHex("#595959");
    private static readonly Color CardBackground = Color.FromHex("#EEF3F8");

    /// <summary>Composes blocks one after another (the layout engine keeps a heading with what follows it).</summary>
    public static void ComposeSequence(ColumnDescriptor column, IReadOnlyList<BlockDefinition> blocks, DocumentComposer composer, Func<int, string> where)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            Compose(column.Item(), blocks[i], composer, where(i));
        }
    }

    public static void Compose(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        if (!composer.Shows(block, where))
        {
            return;
        }

        switch (block.Type)
        {
            case "contents":
                container.Column(column =>
                {
                    column.Spacing(4);
                    column.Item().Text(composer.Text(block.Text, where + ".text")).FontSize(15).Bold().FontColor(Accent);
                    column.Item().TableOfContents(block.Level);
                });
                break;
            case "appendix":
                container.Column(column =>
                {
                    column.Item().PageBreak();
                    column.Item().Heading(1, composer.Text(block.Text, where + ".text")).FontSize(15).Bold().FontColor(Accent);
                });
                break;
            case "repeat":
                RepeatBlock.Compose(container, block, composer, where);
                break;
            case "heading":
                var size = block.Level switch { 1 => 15f, 2 => 12.5f, _ => 11f };
                container.PaddingTop(block.Level == 1 ? 10 : 4)
                    .Heading(block.Level, composer.Text(block.Text, where + ".text")).FontSize(size).Bold().FontColor(Accent);
                break;
            case "paragraph":
                container.Text(composer.Text(block.Text, where + ".text")).LineHeight(1.3f).Justify();
                break;
            case "key-figures":
                KeyFigures(container, block, composer, where);
                break;
            case "table" when block.Empty is not null && composer.Rows(block, where).Count == 0:
                // A section with nothing to list says so, rather than drawing an empty table.
                container.Text(composer.Text(block.Empty, where + ".empty")).LineHeight(1.3f).Justify();
                break;
            case "table":
                TableBlock.Compose(container, block, composer, where);
                break;
            case "chart":
                ChartBlock.Compose(container, block, composer, where);
                break;
            case "page-break":
                container.PageBreak();
                break;
            case "party-heading":
                PartyBlocks.Heading(container, block, composer, where);
                break;
            case "signature":
                PartyBlocks.Signature(container, block, composer, where);
                break;
            case "cover":
                throw composer.Problem(where, "a cover block must come before every other block.");
            default:
                throw composer.Problem(where, $"unknown block type \"{block.Type}\" (use cover, party-heading, signature, contents, heading, paragraph, key-figures, table, chart, repeat, appendix or page-break).");
        }
    }

    public static void Cover(IContainer container, BlockDefinition block, DocumentComposer composer)
    {
        container.Column(column =>
        {
            column.Spacing(6);
            foreach (var line in block.Lines)
            {
                column.Item().Text(composer.Text(line, "cover.lines")).FontSize(11).Bold().AlignCenter();
            }

            column.Item().Height(180);
            column.Item().Text(composer.Text(block.Title, "cover.title")).FontSize(22).Bold().FontColor(Accent).AlignCenter();
            column.Item().Text(composer.Text(block.Subtitle, "cover.subtitle")).FontSize(14).FontColor(Muted).AlignCenter();
            if (block.Text is not null)
            {
                column.Item().Height(200);
                column.Item().Text(composer.Text(block.Text, "cover.text")).FontSize(11).AlignCenter();
            }
        });
    }

    private static void KeyFigures(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        const int perRow = 4;
        container.Column(column =>
        {
            column.Spacing(8);
            for (var start = 0; start < block.Items.Count; start += perRow)
            {
                var items = block.Items.Skip(start).Take(perRow).ToList();
                column.Item().Row(row =>
                {
                    row.Spacing(8);
                    for (var i = 0; i < perRow; i++)
                    {
                        var cell = row.RelativeItem();
                        if (i >= items.Count)
                        {
                            continue;
                        }

                        var item = items[i];
                        var at = $"{where}.items[{start + i}]";
                        cell.Background(CardBackground).Padding(8).Column(card =>
                        {
                            card.Item().Text(composer.Text(item.Value, at + ".value")).FontSize(16).Bold().FontColor(Accent);
                            card.Item().Text(composer.Text(item.Label, at + ".label")).FontSize(8.5f);
                            if (item.Note is not null)
                            {
                                card.Item().Text(composer.Text(item.Note, at + ".note")).FontSize(7.5f).FontColor(Muted);
                            }
                        });
                    }
                });
            }
        });
    }
}
