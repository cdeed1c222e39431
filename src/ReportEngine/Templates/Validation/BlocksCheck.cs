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
            CheckBlock(layout[i], ["layout", i]);
        }
    }

    private void CheckBlock(BlockDefinition block, object[] at)
    {
        if (!TemplateValidator.IsKnownBlock(block.Type))
        {
            problems.Add(file.Problem(
                $"unknown block type \"{block.Type}\" (use {string.Join(", ", TemplateValidator.KnownBlocks)}).", [.. at, "type"]));
            return;
        }

        foreach (var property in TemplateValidator.Required(block.Type).Where(p => IsMissing(block, p)))
        {
            problems.Add(file.Problem($"a {block.Type} block needs \"{property}\".", [.. at]));
        }

        foreach (var (property, text) in Texts(block))
        {
            CheckText(text, [.. at, property]);
        }

        for (var k = 0; k < block.Items.Count; k++)
        {
            CheckText(block.Items[k].Label, [.. at, "items", k, "label"]);
            CheckText(block.Items[k].Value, [.. at, "items", k, "value"]);
            CheckText(block.Items[k].Note, [.. at, "items", k, "note"]);
        }

        if (block.ShowIf is not null && LiquidSyntax.Error($"{{% if {block.ShowIf} %}}{{% endif %}}") is { } condition)
        {
            problems.Add(file.Problem("show-if: " + condition, [.. at, "show-if"]));
        }

        if (block.Query is not null)
        {
            CheckQueryAndColumns(block, at);
        }

        for (var b = 0; b < block.Blocks.Count; b++)
        {
            CheckBlock(block.Blocks[b], [.. at, "blocks", b]);
        }
    }

    private void CheckQueryAndColumns(BlockDefinition block, object[] at)
    {
        if (!template.Definition.Queries.ContainsKey(block.Query!))
        {
            problems.Add(file.Problem($"the block names the query \"{block.Query}\", which the template does not declare " +
                $"(queries: {string.Join(", ", template.Definition.Queries.Keys)}).", [.. at, "query"]));
            return;
        }

        queryColumns.TryGetValue(block.Query!, out var returned);
        CheckChartFields(block, at, returned);
        foreach (var (property, field) in new[] { ("group-by", block.GroupBy), ("key", block.Key), ("where", block.Where) })
        {
            if (field is not null && returned is not null && !returned.Contains(field))
            {
                problems.Add(file.Problem($"{property} \"{field}\" is not a column of the query \"{block.Query}\".", [.. at, property]));
            }
        }

        for (var c = 0; c < block.Columns.Count; c++)
        {
            var column = block.Columns[c];
            CheckText(column.Header, [.. at, "columns", c, "header"]);
            if (returned is not null && !returned.Contains(column.Field))
            {
                problems.Add(file.Problem($"column \"{column.Field}\" is not returned by the query \"{block.Query}\" " +
                    $"(it returns {string.Join(", ", returned)}).", [.. at, "columns", c, "field"]));
            }

            if (!Formats.Contains(column.Format))
            {
                problems.Add(file.Problem($"unknown column format \"{column.Format}\" (use {string.Join(", ", Formats)}).", [.. at, "columns", c, "format"]));
            }
            else if (column.Format == "label" && (column.Labels is null || !stringKeys.Contains(column.Labels)))
            {
                problems.Add(file.Problem($"a label column needs \"labels\" naming a section of the strings; \"{column.Labels}\" is not one.", [.. at, "columns", c]));
            }
        }
    }

    private void CheckChartFields(BlockDefinition block, object[] at, IReadOnlySet<string>? returned)
    {
        if (block.Category is not null && returned is not null && !returned.Contains(block.Category))
        {
            problems.Add(file.Problem($"category \"{block.Category}\" is not returned by the query \"{block.Query}\".", [.. at, "category"]));
        }

        for (var s = 0; s < block.Series.Count; s++)
        {
            CheckText(block.Series[s].Label, [.. at, "series", s, "label"]);
            if (returned is not null && !returned.Contains(block.Series[s].Field))
            {
                problems.Add(file.Problem($"series field \"{block.Series[s].Field}\" is not returned by the query \"{block.Query}\".", [.. at, "series", s, "field"]));
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
        yield return ("subtotal", block.Subtotal);
        yield return ("empty", block.Empty);
        yield return ("number", block.Number);
        yield return ("place-date", block.PlaceDate);
        yield return ("authority", block.Authority);
        yield return ("position", block.Position);
        yield return ("signer", block.Signer);
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
        "blocks" => block.Blocks.Count == 0,
        "lines" => block.Lines.Count == 0,
        "authority" => block.Authority is null,
        "signer" => block.Signer is null,
        _ => false,
    };
}
