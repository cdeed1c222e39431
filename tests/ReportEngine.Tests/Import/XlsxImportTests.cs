using MiniExcelLibs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Import;

public sealed class XlsxImportTests : IDisposable
{
    private readonly ImportWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public async Task A_workbook_with_date_cells_text_dates_and_number_cells_is_imported()
    {
        var file = Path.Combine(world.Folder, "office.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["localities"] = new[]
            {
                new Dictionary<string, object?> { ["code"] = "song-lam", ["name"] = "Sông Lam", ["level"] = "province", ["unit_type"] = "province", ["valid_from"] = new DateTime(2000, 1, 1) },
            },
            ["organizations"] = new[]
            {
                Organization("hoi-a", new DateTime(2010, 5, 1)),
                Organization("hoi-b", "15/06/2011"),
                Organization("hoi-c", "2012-07-20"),
            },
            ["eligible_populations"] = new[]
            {
                new Dictionary<string, object?> { ["locality"] = "song-lam", ["group"] = "women", ["year"] = 2024, ["eligible"] = 372000.0, ["members"] = 284000 },
            },
            ["ghi chú"] = new[] { new Dictionary<string, object?> { ["anything"] = "the importer skips sheets that are no table" } },
        };
        MiniExcel.SaveAs(file, sheets);

        var run = await world.Import(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("organizations: 3 added", run.Output, StringComparison.Ordinal);
        Assert.Equal("2010-05-01|2011-06-15|2012-07-20", world.Scalar<string>("SELECT group_concat(founded_on, '|') FROM (SELECT founded_on FROM organizations ORDER BY code)"));
        Assert.Equal(372000L, world.Scalar<long>("SELECT eligible_count FROM eligible_populations"));
    }

    [Fact]
    public async Task A_bad_cell_in_a_workbook_names_the_sheet_row_and_column()
    {
        var file = Path.Combine(world.Folder, "bad.xlsx");
        MiniExcel.SaveAs(file, new Dictionary<string, object>
        {
            ["localities"] = new[] { new Dictionary<string, object?> { ["code"] = "x", ["name"] = "X", ["level"] = "province", ["unit_type"] = "province", ["valid_from"] = "31/04/2020" } },
        });

        var run = await world.Import(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: bad.xlsx [localities] row 2, column valid_from, value \"31/04/2020\": there is no such date", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_then_import_changes_nothing_and_the_template_has_every_sheet()
    {
        await world.Import(world.Csv("p", ("localities", ImportWorld.Localities), ("organizations", ImportWorld.Organizations), ("members", ImportWorld.Members),
            ("committees", "code,name,locality,to,cc\nsong-lam,Ban Thường vụ Tỉnh ủy,song-lam,b@example.org;a@example.org,c@example.org\n"),
            ("targets", "locality,indicator,period_from,period_to,target_value,unit,resolution,resolution_number,resolution_date\nsong-lam,membership_rate:youth,2021,2025,72.5,percent,\"Nghị quyết số 04-NQ/TU\",04-NQ/TU,19/11/2021\n")));
        var exported = Path.Combine(world.Folder, "export.xlsx");
        var export = await CliRun.Invoke("import", "export", "--out", exported, "--db", world.Database);
        Assert.Equal(0, export.ExitCode);

        var again = await world.Import(exported, "--dry-run");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 added, 0 changed: the database already holds exactly these data", again.Output, StringComparison.Ordinal);

        var template = Path.Combine(world.Folder, "template.xlsx");
        var made = await CliRun.Invoke("import", "template", "--out", template, "--lang", "vi", "--db", world.Database);
        Assert.Equal(0, made.ExitCode);
        var names = MiniExcel.GetSheetNames(template);
        Assert.Equal(["localities", "organizations", "members", "member_counts", "activities", "targets", "eligible_populations", "committees", "ghi chú", "mã địa bàn"], names);
        Assert.Contains("song-lam/ha-vinh/an-lac", MiniExcel.Query(template, sheetName: "mã địa bàn").Cast<IDictionary<string, object>>().Select(r => r["A"]?.ToString()));
        var header = MiniExcel.Query(template, sheetName: "organizations").Cast<IDictionary<string, object>>().First().Values.Select(v => v?.ToString());
        Assert.Equal(["code", "name", "name_en", "scope", "kind", "field", "locality", "founded_on", "dissolved_on"], header);
    }

    private static Dictionary<string, object?> Organization(string code, object founded) => new()
    {
        ["code"] = code,
        ["name"] = "Hội " + code,
        ["scope"] = "province",
        ["kind"] = "voluntary",
        ["field"] = "social",
        ["locality"] = "song-lam",
        ["founded_on"] = founded,
    };
}
