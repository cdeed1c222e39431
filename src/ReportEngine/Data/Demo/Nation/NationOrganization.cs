namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// A planned organisation: its row, how many member rows it gets (or, for an office that keeps only
/// totals, its yearly counts), and whether its membership falls sharply in the last assessment year.
/// Dates are day numbers (see <see cref="NationCalendar"/>).
/// </summary>
internal sealed record NationOrganization(
    int Id,
    string Code,
    string Name,
    string Scope,
    string Kind,
    string Field,
    NationLocality Locality,
    int FoundedOn,
    int? DissolvedOn,
    int Members,
    bool CountsOnly,
    bool Declining);
