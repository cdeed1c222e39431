using System.Text;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>
/// One Party Standing Committee per locality that existed on 31 August 2024, reading Vietnamese
/// except a few demo readers of the English and Polish editions. Addresses use only the
/// reserved example.org domain, so a demo run can never mail a real person.
/// </summary>
internal static class CommitteeWriter
{
    public const string MailDomain = "example.org";

    private static readonly Dictionary<string, string> Languages = new(StringComparer.Ordinal)
    {
        ["phu-quy"] = "en",
        ["phan-thiet-mui-ne"] = "en",
        ["la-gi-phuoc-hoi"] = "pl",
    };

    public static (int Committees, int Recipients) Write(SqliteConnection connection, SqliteTransaction transaction, DemoLocalities localities)
    {
        using var committee = new PreparedInsert(connection, transaction, "committees", "id", "code", "name", "locality_id", "language",
            "issuing_body", "body_symbol", "signer_authority", "signer_position", "signer_name", "place");
        using var recipient = new PreparedInsert(connection, transaction, "committee_recipients", "committee_id", "address", "role");
        var (committees, recipients) = (0, 0);
        foreach (var locality in localities.ExistingIn2024)
        {
            var id = ++committees;
            var signer = DemoSigners.For(locality, id);
            committee.Execute(id, locality.Code, Name(locality).Normalize(NormalizationForm.FormC), locality.Id, Languages.GetValueOrDefault(locality.Code, "vi"),
                signer.IssuingBody, signer.BodySymbol, signer.SignerAuthority, signer.SignerPosition, signer.SignerName, signer.Place);
            recipient.Execute(id, $"{locality.Code}@{MailDomain}", "to");
            recipients++;

            // Higher committees copy their Mass Mobilisation Commission, as do Phan Thiết's wards.
            if (locality.Level != "commune" || locality.Parent?.Code == "phan-thiet")
            {
                recipient.Execute(id, $"dan-van.{locality.Code}@{MailDomain}", "cc");
                recipients++;
            }
        }

        return (committees, recipients);
    }

    private static string Name(DemoLocality locality) => "Ban Thường vụ " + locality.UnitType switch
    {
        "province" => $"Tỉnh ủy {locality.Name}",
        "city" => $"Thành ủy {locality.Name}",
        "town" => $"Thị ủy {locality.Name}",
        "district" => $"Huyện ủy {locality.Name}",
        _ => $"Đảng ủy {locality.TitledName}",
    };
}
