using Dapper;
using ReportEngine.Data;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>Commune committees: each receives its own commune's report, in its language, and nothing about other communes.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class CommuneBurstTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Each_commune_committee_gets_its_own_communes_report_in_its_language_and_no_other_communes_organizations()
    {
        using var world = new DeliveryWorld(fixture);
        var settings = DeliveryWorld.Settings();
        string[] communes = ["phan-thiet-mui-ne", "la-gi-phuoc-hoi", "phan-thiet-phu-thuy"];
        foreach (var commune in communes)
        {
            await world.Cli(settings, "committees", "set", commune, "--drop-folder", world.DropFolder("share-" + commune));
        }

        var (code, output) = await world.Cli(settings, "run", "committee-report", "--set", "year=2024", "--committees", string.Join(",", communes));
        Assert.True(code == 0, output);

        using var connection = SqliteDatabase.Open(world.Database, readOnly: true);
        var organizations = connection.Query<(string Locality, string Name)>(
            "SELECT l.code, o.name FROM organizations o JOIN localities l ON l.id = o.locality_id WHERE l.code IN @communes", new { communes }).ToList();
        var expected = new Dictionary<string, (string Language, string Title)>
        {
            // The document type and the start of its summary, in the committee's language (a Party document prints no cover title).
            ["phan-thiet-mui-ne"] = ("en", "REPORT on the mass organisations of"),
            ["la-gi-phuoc-hoi"] = ("pl", "SPRAWOZDANIE o organizacjach masowych na terenie"),
            ["phan-thiet-phu-thuy"] = ("vi", "BÁO CÁO về các hội quần chúng trên địa bàn"),
        };
        foreach (var commune in communes)
        {
            var pdf = Assert.Single(DeliveryWorld.Dropped(world.File("share-" + commune)));
            Assert.EndsWith($"-{commune}-2024-{expected[commune].Language}.pdf", pdf, StringComparison.Ordinal);
            var text = Collapse(string.Join(" ", PdfText.Pages(pdf)));
            var name = connection.ExecuteScalar<string>("SELECT name FROM localities WHERE code = @commune", new { commune })!;
            Assert.Contains(Collapse(name), text, StringComparison.Ordinal);
            Assert.Contains(expected[commune].Title, text, StringComparison.Ordinal);
            Assert.Contains(organizations, o => o.Locality == commune && text.Contains(Collapse(o.Name), StringComparison.Ordinal));
            var foreign = organizations.Where(o => o.Locality != commune && !organizations.Any(x => x.Locality == commune && x.Name == o.Name))
                .Where(o => text.Contains(Collapse(o.Name), StringComparison.Ordinal)).ToList();
            Assert.True(foreign.Count == 0, $"{commune}'s report names {string.Join("; ", foreign)}");
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
