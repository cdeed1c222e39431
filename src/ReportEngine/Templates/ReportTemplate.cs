namespace ReportEngine.Templates;

/// <summary>A template loaded from its folder: the definition, its queries' SQL and its strings per language.</summary>
public sealed class ReportTemplate
{
    public required string Name { get; init; }

    public required string Directory { get; init; }

    public required TemplateDefinition Definition { get; init; }

    /// <summary>Query name → SQL text.</summary>
    public required IReadOnlyDictionary<string, string> QuerySql { get; init; }

    /// <summary>Language (vi, en, pl) → nested string tables as read from strings.&lt;lang&gt;.yaml.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Strings { get; init; }

    public IReadOnlyCollection<string> Languages => (IReadOnlyCollection<string>)Strings.Keys;
}
