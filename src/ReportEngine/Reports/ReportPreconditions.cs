using System.Data.Common;
using Dapper;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>The data's date was before the report's as_of and partial figures were not asked for.</summary>
public sealed class DataNotYetImportedException : ReportEngineException
{
    public DataNotYetImportedException()
    {
    }

    public DataNotYetImportedException(string message) : base(message)
    {
    }

    public DataNotYetImportedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// What must hold before a report's queries run: every locality it is about exists on its as_of
/// date (else the successor is named), and the data runs at least to that date (else the report is
/// refused unless partial figures are allowed, and then the cover says so).
/// </summary>
internal static class ReportPreconditions
{
    public static Dictionary<string, object> Check(ReportTemplate template, IReadOnlyDictionary<string, object> parameters, DbConnection connection)
    {
        var asOf = parameters.GetValueOrDefault("as_of") as string;
        if (asOf is null)
        {
            return EngineValues.Add(parameters, LatestDataAsOf(connection) ?? "", partial: false);
        }

        foreach (var (name, definition) in template.Definition.Parameters.Where(p => p.Value.Type == "locality"))
        {
            CheckLocalityExists((string)parameters[name], asOf, connection);
        }

        var dataAsOf = LatestDataAsOf(connection);
        var partial = dataAsOf is null || string.CompareOrdinal(asOf, dataAsOf) > 0;
        if (partial && parameters.GetValueOrDefault(EngineValues.AllowPartial) is not true)
        {
            throw new DataNotYetImportedException(dataAsOf is null
                ? $"no data has been imported yet (the imports table is empty); the report asks for figures as of {asOf}. Import data, or add --allow-partial"
                : $"the data runs to {dataAsOf} (last import); the report asks for figures as of {asOf}. Import newer data, or add --allow-partial");
        }

        return EngineValues.Add(parameters, dataAsOf ?? "", partial);
    }

    private static string? LatestDataAsOf(DbConnection connection) =>
        connection.ExecuteScalar<string?>("SELECT MAX(data_as_of) FROM imports");

    /// <summary>A unit that ended on or before the date stands for its successor: merged_into if set, else its parent.</summary>
    private static void CheckLocalityExists(string code, string asOf, DbConnection connection)
    {
        var locality = Find(connection, "code = @key", code);
        if (locality is null || IsValid(locality, asOf))
        {
            return;
        }

        if (string.CompareOrdinal(locality.ValidFrom, asOf) > 0)
        {
            throw new ReportEngineException($"{code} does not exist yet on {asOf}: it starts on {locality.ValidFrom}");
        }

        var successor = locality;
        for (var steps = 0; successor is not null && !IsValid(successor, asOf) && steps < 100; steps++)
        {
            var next = successor.MergedIntoId ?? successor.ParentId;
            successor = next is null ? null : Find(connection, "id = @key", next);
        }

        var belongs = successor is null ? "" : $"; its area now belongs to {successor.Code}";
        if (locality.MergedIntoId is { } mergedId)
        {
            var merged = Find(connection, "id = @key", mergedId)!;
            throw new ReportEngineException(merged.Code == successor?.Code
                ? $"{code} was merged into {merged.Code} on {locality.ValidTo}"
                : $"{code} was merged into {merged.Code} on {locality.ValidTo}{belongs}");
        }

        throw new ReportEngineException($"{code} was abolished on {locality.ValidTo}{belongs}");
    }

    private static bool IsValid(LocalityRow locality, string day) =>
        string.CompareOrdinal(locality.ValidFrom, day) <= 0 && (locality.ValidTo is null || string.CompareOrdinal(locality.ValidTo, day) > 0);

    private static LocalityRow? Find(DbConnection connection, string condition, object? key) =>
        connection.QuerySingleOrDefault<LocalityRow>(
            $"SELECT id AS Id, code AS Code, valid_from AS ValidFrom, valid_to AS ValidTo, parent_id AS ParentId, merged_into_id AS MergedIntoId FROM localities WHERE {condition}",
            new { key });

    private sealed class LocalityRow
    {
        public long Id { get; set; }

        public string Code { get; set; } = "";

        public string ValidFrom { get; set; } = "";

        public string? ValidTo { get; set; }

        public long? ParentId { get; set; }

        public long? MergedIntoId { get; set; }
    }
}
