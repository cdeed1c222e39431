using ReportEngine.Templates.Sql;

namespace ReportEngine.Templates;

/// <summary>A template loaded from its folder: the definition, its queries' SQL and its strings per language.</summary>
public sealed record ReportTemplate
{
    public required string Name { get; init; }

    public required string Directory { get; init; }

    public required TemplateDefinition Definition { get; init; }

    /// <summary>Query name → SQL text, with the shared queries it uses prepended.</summary>
    public required IReadOnlyDictionary<string, string> QuerySql { get; init; }

    /// <summary>The shared queries (templates/_shared) as they were when the template was loaded.</summary>
    public required SharedQueries Shared { get; init; }

    /// <summary>The names of the shared queries the template's queries use, directly or not.</summary>
    public IReadOnlyList<string> SharedUsed { get; init; } = [];

    /// <summary>Language (vi, en, pl) → nested string tables as read from strings.&lt;lang&gt;.yaml.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Strings { get; init; }

    /// <summary>SHA-256 of the template's files when it was loaded (see <see cref="TemplateVersion"/>).</summary>
    public string Version { get; init; } = "";

    public IReadOnlyCollection<string> Languages => (IReadOnlyCollection<string>)Strings.Keys;
}
