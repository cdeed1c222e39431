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
            ["phan-thiet-mui-ne"] = ("en", "Report on the mass organisations of the locality"),
            ["la-gi-phuoc-hoi"] = ("pl", "Sprawozdanie o organizacjach masowych na terenie jednostki"),
            ["phan-thiet-phu-thuy"] = ("vi", "Báo cáo về các hội quần chúng trên địa bàn"),
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

    [Fact]
    public async Task A_template_with_a_query_not_bound_to_the_locality_is_refused_for_a_burst()
    {
        using var world = new DeliveryWorld(fixture);
        var templates = Directory.CreateDirectory(world.File("templates/committee-report/queries")).Parent!.Parent!.FullName;
        Directory.CreateDirectory(Path.Combine(templates, "_shared"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "committee-report"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "_shared"))))
        {
            File.Copy(file, Path.Combine(templates, Path.GetRelativePath(RepositoryPaths.Templates, file)));
        }

        // Every organisation of the province, whatever the committee: the query leaves out the shared area.
        var query = Path.Combine(templates, "committee-report", "queries", "organizations.sql");
        File.WriteAllText(query, "SELECT o.name, l.name AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM organizations o JOIN localities l ON l.id = o.locality_id");

        var (code, output) = await world.Cli(DeliveryWorld.Settings(null, ("Templates__Path", templates)),
            "run", "committee-report", "--set", "year=2024", "--committees", "phan-thiet-mui-ne");

        Assert.Equal(1, code);
        Assert.Contains("the query \"organizations\" does not use @locality", output, StringComparison.Ordinal);
        Assert.Empty(new ReportEngine.Runs.RunStore(world.Database, TimeProvider.System).List(10));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
