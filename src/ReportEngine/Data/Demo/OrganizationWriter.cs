using System.Text;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>Inserts the planned organisations.</summary>
internal static class OrganizationWriter
{
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<DemoOrganization> organizations)
    {
        using var insert = new PreparedInsert(connection, transaction, "organizations",
            "id", "code", "name", "name_en", "scope", "kind", "field", "locality_id", "founded_on", "dissolved_on");
        foreach (var o in organizations)
        {
            insert.Execute(o.Id, o.Code, o.Name.Normalize(NormalizationForm.FormC), o.NameEn, o.Scope, o.Kind, o.Field, o.Locality.Id,
                DemoCalendar.Text(o.FoundedOn), o.DissolvedOn is { } dissolved ? DemoCalendar.Text(dissolved) : null);
        }
    }
}
