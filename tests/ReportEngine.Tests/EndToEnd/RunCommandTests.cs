using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.EndToEnd;

[Collection(DemoGroup.Name)]
public class RunCommandTests(DemoFixture demo)
{
    [Fact]
    public async Task Run_renders_the_provincial_report_and_prints_its_path()
    {
        using var output = new TempFolder();
        using var archive = new TempFolder();
        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=binh-thuan",
            "--lang", "en", "--out", output.Path, "--db", demo.Database, "--archive", archive.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        var pdf = ArchivedPdf(run);
        Assert.StartsWith(archive.Path, pdf, StringComparison.Ordinal);
        Assert.Contains("1,392", PdfText.Poppler(pdf), StringComparison.Ordinal);
        // --out gets a copy of the archived file.
        var copy = Assert.Single(Directory.GetFiles(output.Path, "*.pdf"));
        Assert.Equal(await File.ReadAllBytesAsync(pdf), await File.ReadAllBytesAsync(copy));
    }

    [Fact]
    public async Task A_district_report_counts_only_that_district()
    {
        using var archive = new TempFolder();
        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=phan-thiet",
            "--db", demo.Database, "--archive", archive.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        var text = PdfText.Poppler(ArchivedPdf(run));
        Assert.Contains("Phan Thiết", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1.392 hội quần chúng", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_locality_is_a_clear_error_with_exit_code_1()
    {
        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "locality=atlantis", "--db", demo.Database);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("atlantis", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_a_clear_error_and_creates_nothing()
    {
        using var folder = new TempFolder();
        var file = folder.File("absent.db");
        var run = await CliRun.Invoke("run", "annual-assessment", "--db", file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no database", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Injection_in_a_parameter_is_bound_as_data()
    {
        var before = new FileInfo(demo.Database).Length;
        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "locality=x'; DROP TABLE organizations; --", "--db", demo.Database);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no locality", run.Error, StringComparison.Ordinal);
        using var connection = ReportEngine.Data.SqliteDatabase.Open(demo.Database, readOnly: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM organizations";
        Assert.True((long)command.ExecuteScalar()! > 1000);
        Assert.Equal(before, new FileInfo(demo.Database).Length);
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        foreach (var verb in new[] { "demo", "run", "runs", "archive", "serve", "templates", "db", "committees", "deliveries", "users", "apikeys" })
        {
            var run = await CliRun.Invoke(verb, "--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>`run` prints the archived PDF's path, then `run &lt;id&gt;: &lt;status&gt;` as its last line.</summary>
    private static string ArchivedPdf(CliRun run)
    {
        Assert.Equal(2, run.OutputLines.Count);
        Assert.Matches(@"^run \d+: succeeded$", run.OutputLines[1]);
        return run.OutputLines[0];
    }
}
