using System.Globalization;
using ReportEngine.Layout;
using ReportEngine.Templates;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Reports;

/// <summary>Turns a template's blocks, with their Liquid rendered, into a layout document.</summary>
public sealed class DocumentComposer(ReportTemplate template, LiquidRenderer liquid, IReadOnlyDictionary<string, object?> results)
{
    private readonly string _definitionFile = Path.Combine(template.Directory, TemplateLoader.DefinitionFileName);

    public Document Compose(DateTimeOffset documentDate)
    {
        var definition = template.Definition;
        var blocks = definition.Layout;
        var cover = blocks.TakeWhile(b => b.Type == "cover").ToList();
        var body = blocks.Skip(cover.Count).ToList();
        var title = Text($"{{{{ t.{definition.Title} }}}}", "title");

        return Document.Create(document =>
        {
            document.Metadata(new DocumentMetadata
            {
                Title = title,
                Author = "ReportEngine",
                Subject = definition.Description,
                Keywords = template.Name,
                Language = liquid.Culture.Culture.Name,
                CreationDate = documentDate,
                ModifiedDate = documentDate,
            });

            // Every rendered report is archived: PDF/A-2b (fonts embedded, sRGB output intent, XMP = document info).
            document.Settings(new DocumentSettings { PdfA = true });

            if (cover.Count > 0)
            {
                document.Page(page =>
                {
                    SetUp(page);
                    page.Content().Column(column =>
                    {
                        for (var i = 0; i < cover.Count; i++)
                        {
                            Blocks.Cover(column.Item(), cover[i], this);
                        }
                    });
                });
            }

            document.Page(page =>
            {
                SetUp(page);
                if (definition.Page.Style == "party")
                {
                    // 36-HD/VPTW: from the second page, the page number alone, centred at the top.
                    page.Header().SkipOnce().PaddingBottom(6).AlignCenter().Text(t => t.CurrentPageNumber());
                }
                else
                {
                    page.Header().PaddingBottom(8).BorderBottom(0.5f).Text(Text(definition.Page.Header, "page.header")).FontSize(8);
                }

                page.Content().PaddingVertical(definition.Page.Style == "party" ? 0 : 10).Column(column =>
                {
                    column.Spacing(8);
                    Blocks.ComposeSequence(column, body, this, i => $"layout[{cover.Count + i}]");
                });
                if (definition.Page.Style != "party")
                {
                    page.Footer().AlignCenter().Text(t =>
                    {
                        t.DefaultTextStyle(s => s.FontSize(8));
                        t.Span(Text("{{ t.page }}", "footer") + " ");
                        t.CurrentPageNumber();
                        t.Span(" / ");
                        t.TotalPages();
                    });
                }
            });
        });
    }

    internal LiquidRenderer Liquid => liquid;

    internal string Text(string? liquidText, string where) => liquid.Render(liquidText, $"{_definitionFile}: {where}");

    /// <summary>
    /// The label of a value from the strings section (t.section.value); a value the section does not list
    /// prints as it is. The value is a key, never pasted into Liquid: a database value cannot run as template code.
    /// </summary>
    internal string Label(string? section, object? value, string where)
    {
        var key = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var path = (section ?? "").Split('.');
        if (!liquid.IsSection("t", path))
        {
            throw Problem(where, $"there is no strings section \"{section}\" for the labels.");
        }

        return liquid.Lookup("t", path.Append(key)) ?? key;
    }

    /// <summary>The rows being repeated over, innermost last, with the key column their inner blocks match.</summary>
    private readonly Stack<(IReadOnlyDictionary<string, object?> Row, string? Key)> _repeats = new();

    internal void EnterRepeat(IReadOnlyDictionary<string, object?> row, string? key)
    {
        _repeats.Push((row, key));
        liquid.Set("row", row);
    }

    internal void LeaveRepeat()
    {
        _repeats.Pop();
        liquid.Set("row", _repeats.Count > 0 ? _repeats.Peek().Row : null);
    }

    /// <summary>Evaluates a block's show-if condition with Liquid's own truthiness.</summary>
    internal bool Shows(BlockDefinition block, string where) =>
        block.ShowIf is null || Text($"{{% if {block.ShowIf} %}}yes{{% endif %}}", where + ".show-if") == "yes";

    internal IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows(BlockDefinition block, string where)
    {
        var rows = AllRows(block, where);
        if (block.Where is null)
        {
            return rows;
        }

        if (_repeats.Count == 0 || _repeats.Peek().Key is not { } key)
        {
            throw Problem(where, "\"where\" works only inside a repeat block that names a \"key\".");
        }

        var wanted = _repeats.Peek().Row.GetValueOrDefault(key);
        return rows.Where(r => Equals(r.GetValueOrDefault(block.Where), wanted)).ToList();
    }

    private IReadOnlyList<IReadOnlyDictionary<string, object?>> AllRows(BlockDefinition block, string where)
    {
        if (block.Query is null || !results.TryGetValue(block.Query, out var result))
        {
            throw new TemplateException(_definitionFile, $"{where} ({block.Type}) names the query \"{block.Query}\", which the template does not declare.");
        }

        return result as IReadOnlyList<IReadOnlyDictionary<string, object?>>
            ?? [(IReadOnlyDictionary<string, object?>)result!];
    }

    internal TemplateException Problem(string where, string problem) => new(_definitionFile, $"{where}: {problem}");

    private void SetUp(PageDescriptor page)
    {
        var settings = template.Definition.Page;
        page.Size(settings.Size == "A4-landscape" ? PageSizes.A4.Landscape() : PageSizes.A4);
        page.Margin(settings.Margin);
        if (settings.MarginsMm is { } mm)
        {
            page.MarginTop(Points(mm.Top)).MarginRight(Points(mm.Right)).MarginBottom(Points(mm.Bottom)).MarginLeft(Points(mm.Left));
        }

        var family = settings.Font switch
        {
            "serif" => FontManager.SerifFamily,
            "sans" => FontManager.DefaultFamily,
            _ => throw Problem("page.font", $"unknown font \"{settings.Font}\" (use sans or serif)."),
        };
        if (settings.Style is not ("report" or "party"))
        {
            throw Problem("page.style", $"unknown style \"{settings.Style}\" (use report or party).");
        }

        page.DefaultTextStyle(s => s.FontFamily(family).FontSize(settings.FontSize));
    }

    private static float Points(float millimetres) => millimetres * 72 / 25.4f;
}
