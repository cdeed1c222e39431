namespace ReportEngine.Templates;

/// <summary>
/// An entry written with nothing in it (`- ` alone in a list, or `districts:` with nothing under it)
/// is read as null, whatever the definition's types say; it is refused here by where it sits, so
/// that nothing later meets a null it was promised would not be there.
/// </summary>
internal static class EmptyEntries
{
    public static void Refuse(TemplateDefinition definition, string file)
    {
        Entries(definition.Parameters?.Values, "parameters", file);
        Entries(definition.Queries?.Values, "queries", file);
        Blocks(definition.Layout, "layout", file);
    }

    private static void Blocks(List<BlockDefinition>? blocks, string where, string file)
    {
        Entries(blocks, where, file);
        foreach (var (block, index) in (blocks ?? []).Select((b, i) => (b, i)))
        {
            var at = $"{where}[{index}]";
            Entries(block.Items, at + ".items", file);
            Entries(block.Columns, at + ".columns", file);
            Entries(block.Series, at + ".series", file);
            Entries(block.Lines, at + ".lines", file);
            Blocks(block.Blocks, at + ".blocks", file);
        }
    }

    private static void Entries<T>(IEnumerable<T?>? entries, string where, string file)
    {
        if (entries is not null && entries.Any(e => e is null))
        {
            throw new TemplateException(file, $"{where} has an empty entry: write what it holds, or remove it.");
        }
    }
}
