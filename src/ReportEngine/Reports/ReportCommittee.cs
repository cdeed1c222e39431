using System.Data.Common;
using Dapper;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>
/// The committee a report is issued by: the one whose locality is the report's "locality" parameter. Its
/// Party-document fields and recipients become engine values (p.issuing_body, p.recipients...). Read with
/// the engine's own SQL before the template's queries run, so a committee's confined run need not read the
/// committees table itself. A locality without a committee (or a template without a locality) leaves the defaults.
/// </summary>
internal static class ReportCommittee
{
    public static void Add(Dictionary<string, object> values, DbConnection connection)
    {
        if (values.GetValueOrDefault("locality") is not string locality)
        {
            return;
        }

        var committee = connection.QuerySingleOrDefault<Row>(
            """
            SELECT CAST(c.id AS BIGINT) AS Id, c.name AS CommitteeName, c.issuing_body AS IssuingBody, c.body_symbol AS BodySymbol,
                   c.signer_authority AS SignerAuthority, c.signer_position AS SignerPosition, c.signer_name AS SignerName, c.place AS Place
            FROM committees c JOIN localities l ON l.id = c.locality_id
            WHERE l.code = @locality
            """,
            new { locality });
        if (committee is null)
        {
            return;
        }

        values["committee_name"] = committee.CommitteeName;
        values["issuing_body"] = committee.IssuingBody ?? "";
        values["body_symbol"] = committee.BodySymbol ?? "";
        values["signer_authority"] = committee.SignerAuthority ?? "";
        values["signer_position"] = committee.SignerPosition ?? "";
        values["signer_name"] = committee.SignerName ?? "";
        values["place"] = committee.Place ?? "";
        values[EngineValues.Recipients] = connection.Query<string>(
            "SELECT address FROM committee_recipients WHERE committee_id = @id ORDER BY role DESC, address",
            new { id = committee.Id }).ToList();
    }

    private sealed record Row(long Id, string CommitteeName, string? IssuingBody, string? BodySymbol, string? SignerAuthority,
        string? SignerPosition, string? SignerName, string? Place);
}
