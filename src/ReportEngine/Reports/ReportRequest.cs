using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>What to render: a template, the parameter values given for it, and a language.</summary>
public sealed record ReportRequest(string Template, IReadOnlyDictionary<string, string> Parameters, string Language = "vi");

/// <summary>A PDF that was written, with what a run record needs to know about it.</summary>
public sealed record RenderedReport(string Path, int Pages, long Bytes, IReadOnlyDictionary<string, object> Parameters);

/// <summary>
/// A request checked against its template and the database: the template, the resolved parameters
/// (recorded with the run) and the values the queries and texts see (the parameters and what the
/// engine adds, see <see cref="EngineValues"/>).
/// </summary>
public sealed record PreparedReport(ReportTemplate Template, string Language, IReadOnlyDictionary<string, object> Parameters)
{
    public IReadOnlyDictionary<string, object> Values { get; init; } = Parameters;

    /// <summary>A committee's locality: its queries read only that locality's area (null: the whole database).</summary>
    public string? ConfinedTo { get; init; }
}
