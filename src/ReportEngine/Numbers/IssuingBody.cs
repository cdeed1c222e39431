using System.Data.Common;
using Dapper;

namespace ReportEngine.Numbers;

/// <summary>
/// Who issues a report, for its number: the issuing body the committee of the report's locality prints. The register
/// is kept per issuing body, not per committee record: <see cref="Code"/> is the committee's code (every district's
/// committee is its own body though all print "HU"), except that committees whose records name the same issuing body
/// (issuing_body, compared in NFC upper case, spaces and lines collapsed, with the same symbol) all number under the
/// smallest of their codes: one body, one register, so "Số 12-BC/TU" is never printed by two reports.
/// <see cref="Symbol"/> is what the number prints after the slash.
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
        var hasFields = HasBodySymbol(connection);
        var (symbolColumn, bodyColumn) = hasFields ? ("body_symbol", "issuing_body") : ("NULL", "NULL");
        var committee = connection.QuerySingleOrDefault<CommitteeRow>(
            $"""
            SELECT c.code AS Code, {symbolColumn} AS Symbol, {bodyColumn} AS Body FROM committees c JOIN localities l ON l.id = c.locality_id
            WHERE l.code = @localityCode
            """,
            new { localityCode });
        var symbol = committee?.Symbol is { Length: > 0 } given ? given.Trim() : LevelSymbol(locality.Level);
        if (committee is null)
        {
            return new IssuingBody(locality.Code, symbol);
        }

        if (!hasFields || Canonical(committee.Body) is not { } name)
        {
            return new IssuingBody(committee.Code, symbol);
        }

        // The same body named by other committees' records: the smallest code among them keys the register.
        var sharing = connection.Query<CommitteeRow>(
            "SELECT code AS Code, body_symbol AS Symbol, issuing_body AS Body FROM committees WHERE issuing_body IS NOT NULL")
            .Where(c => Canonical(c.Body) == name && (c.Symbol is { Length: > 0 } s ? s.Trim() : symbol) == symbol)
            .Select(c => c.Code)
            .Append(committee.Code)
            .Min(StringComparer.Ordinal)!;
        return new IssuingBody(sharing, symbol);
    }

    /// <summary>An issuing body's name for comparison: NFC, upper case, one space between words and lines, "UỶ" as "ỦY"; null when empty.</summary>
    private static string? Canonical(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var words = body.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant().Replace("UỶ", "ỦY", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
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

        public string? Body { get; set; }
    }

    /// <summary>Asked of the result's columns, so it works the same on SQLite and PostgreSQL.</summary>
    private static bool HasBodySymbol(DbConnection connection)
    {
        using var reader = connection.ExecuteReader("SELECT * FROM committees WHERE 1 = 0");
        return Enumerable.Range(0, reader.FieldCount).Any(i => string.Equals(reader.GetName(i), "body_symbol", StringComparison.OrdinalIgnoreCase));
    }
}
