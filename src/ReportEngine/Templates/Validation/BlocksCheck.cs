namespace ReportEngine.Templates.Validation;

/// <summary>Checks each layout block: known type, required properties, its query, its columns, its texts.</summary>
internal sealed class BlocksCheck(
    ReportTemplate template,
    YamlLocator file,
    IReadOnlyDictionary<string, IReadOnlySet<string>> queryColumns,
    IReadOnlySet<string> stringKeys,
    List<TemplateException> problems)
{
    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal) { "text", "number", "percent", "vnd", "date", "label" };

    public void Run()
    {
        CheckText(template.Definition.Page.Header, "page", "header");
        var layout = template.Definition.Layout;
        for (var i = 0; i < layout.Count; i++)
        {
            CheckBlock(layout[i], i);
        }
    }

    private void CheckBlock(BlockDefinition block, int index)
    {
        if (!TemplateValidator.IsKnownBlock(block.Type))
        {
            problems.Add(file.Problem(
                $"unknown block type \"{block.Type}\" (use {string.Join(", ", TemplateValidator.KnownBlocks)}).", "layout", index, "type"));
            return;
        }

        foreach (var property in TemplateValidator.Required(block.Type).Where(p => IsMissing(block, p)))
        {
            problems.Add(file.Problem($"a {block.Type} block needs \"{property}\".", "layout", index));
        }

        foreach (var (property, text) in Texts(block))
        {
            CheckText(text, "layout", index, property);
        }

        for (var k = 0; k < block.Items.Count; k++)
        {
            CheckText(block.Items[k].Label, "layout", index, "items", k, "label");
            CheckText(block.Items[k].Value, "layout", index, "items", k, "value");
            CheckText(block.Items[k].Note, "layout", index, "items", k, "note");
        }

        if (block.Query is not null)
        {
            CheckQueryAndColumns(block, index);
        }
    }

    private void CheckQueryAndColumns(BlockDefinition block, int index)
    {
        if (!template.Definition.Queries.ContainsKey(block.Query!))
        {
            problems.Add(file.Problem($"the block names the query \"{block.Query}\", which the template does not declare " +
                $"(queries: {string.Join(", ", template.Definition.Queries.Keys)}).", "layout", index, "query"));
            return;
        }

        queryColumns.TryGetValue(block.Query!, out var returned);
        CheckChartFields(block, index, returned);
        for (var c = 0; c < block.Columns.Count; c++)
        {
            var column = block.Columns[c];
            CheckText(column.Header, "layout", index, "columns", c, "header");
            if (returned is not null && !returned.Contains(column.Field))
            {
                problems.Add(file.Problem($"column \"{column.Field}\" is not returned by the query \"{block.Query}\" " +
                    $"(it returns {string.Join(", ", returned)}).", "layout", index, "columns", c, "field"));
            }

            if (!Formats.Contains(column.Format))
            {
                problems.Add(file.Problem($"unknown column format \"{column.Format}\" (use {string.Join(", ", Formats)}).", "layout", index, "columns", c, "format"));
            }
            else if (column.Format == "label" && (column.Labels is null || !stringKeys.Contains(column.Labels)))
            {
                problems.Add(file.Problem($"a label column needs \"labels\" naming a section of the strings; \"{column.Labels}\" is not one.", "layout", index, "columns", c));
            }
        }
    }

    private void CheckChartFields(BlockDefinition block, int index, IReadOnlySet<string>? returned)
    {
        if (block.Category is not null && returned is not null && !returned.Contains(block.Category))
        {
            problems.Add(file.Problem($"category \"{block.Category}\" is not returned by the query \"{block.Query}\".", "layout", index, "category"));
        }

        for (var s = 0; s < block.Series.Count; s++)
        {
            CheckText(block.Series[s].Label, "layout", index, "series", s, "label");
            if (returned is not null && !returned.Contains(block.Series[s].Field))
            {
                problems.Add(file.Problem($"series field \"{block.Series[s].Field}\" is not returned by the query \"{block.Query}\".", "layout", index, "series", s, "field"));
            }
        }
    }

    private void CheckText(string? text, params object[] path)
    {
        if (LiquidSyntax.Error(text) is { } error)
        {
            problems.Add(file.Problem(error, path));
            return;
        }

        foreach (var key in LiquidSyntax.StringReferences(text).Where(k => !stringKeys.Contains(k)))
        {
            problems.Add(file.Problem($"the string \"{key}\" is not defined in the strings files.", path));
        }
    }

    private static IEnumerable<(string Property, string? Text)> Texts(BlockDefinition block)
    {
        yield return ("text", block.Text);
        yield return ("title", block.Title);
        yield return ("subtitle", block.Subtitle);
        yield return ("totals", block.Totals);
        foreach (var line in block.Lines)
        {
            yield return ("lines", line);
        }
    }

    private static bool IsMissing(BlockDefinition block, string property) => property switch
    {
        "title" => block.Title is null,
        "text" => block.Text is null,
        "items" => block.Items.Count == 0,
        "query" => block.Query is null,
        "columns" => block.Columns.Count == 0,
        "category" => block.Category is null,
        "series" => block.Series.Count == 0,
        _ => false,
    };
}
