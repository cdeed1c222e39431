using System.Data.Common;
using Dapper;

namespace ReportEngine.Numbers;

/// <summary>
/// Who issues a report, for its number: the Party committee of the report's locality. The register is
/// kept per body, so <see cref="Code"/> is the committee's code (every district's committee is its own
/// body though all print "HU"); <see cref="Symbol"/> is what the number prints after the slash.
/// </summary>
public sealed record IssuingBody(string Code, string Symbol)
{
    /// <summary>
    /// The committee of the locality: its body_symbol (from migration 0010), or, when that column is not
    /// there yet or empty, the usual symbol of its level: TU (Tỉnh ủy), HU (Huyện ủy), ĐU (Đảng ủy xã).
    /// A locality without a committee numbers under the locality's own code.
    /// </summary>
    public static IssuingBody Of(DbConnection connection, string localityCode)
    {
        var locality = connection.QuerySingleOrDefault<LocalityRow>(
            "SELECT code AS Code, level AS Level FROM localities WHERE code = @localityCode", new { localityCode })
            ?? throw new ReportEngineException($"There is no locality \"{localityCode}\" to issue the document's number for.");
        var symbolColumn = HasBodySymbol(connection) ? "body_symbol" : "NULL";
        var committee = connection.QuerySingleOrDefault<CommitteeRow>(
            $"""
            SELECT c.code AS Code, {symbolColumn} AS Symbol FROM committees c JOIN localities l ON l.id = c.locality_id
            WHERE l.code = @localityCode
            """,
            new { localityCode });
        var symbol = committee?.Symbol is { Length: > 0 } given ? given.Trim() : LevelSymbol(locality.Level);
        return new IssuingBody(committee?.Code ?? locality.Code, symbol);
    }

    public static string LevelSymbol(string level) => level switch
    {
        "province" => "TU",
        "district" => "HU",
        _ => "ĐU",
    };

    // Settable properties, not positional records: Dapper matches a constructor by column types, and a NULL column has none.
    private sealed class LocalityRow
    {
        public string Code { get; set; } = "";

        public string Level { get; set; } = "";
    }

    private sealed class CommitteeRow
    {
        public string Code { get; set; } = "";

        public string? Symbol { get; set; }
    }

    /// <summary>Asked of the result's columns, so it works the same on SQLite and PostgreSQL.</summary>
    private static bool HasBodySymbol(DbConnection connection)
    {
        using var reader = connection.ExecuteReader("SELECT * FROM committees WHERE 1 = 0");
        return Enumerable.Range(0, reader.FieldCount).Any(i => string.Equals(reader.GetName(i), "body_symbol", StringComparison.OrdinalIgnoreCase));
    }
}
