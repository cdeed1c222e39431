namespace ReportEngine.Data.Demo.Nation;

/// <summary>Rows written per table, in the order written, and how long the whole generation took.</summary>
public sealed record NationSummary(IReadOnlyList<(string Table, long Rows)> Tables, TimeSpan Elapsed)
{
    public long TotalRows => Tables.Sum(t => t.Rows);

    public long this[string table] => Tables.Single(t => t.Table == table).Rows;
}
