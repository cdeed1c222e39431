using ReportEngine.Data.Demo;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Import;

/// <summary>Every demo row has a code, so the demo exported in the import format imports back as "0 changed".</summary>
public sealed class DemoRoundTripTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_demo_exported_as_csv_imports_back_without_a_change()
    {
        var demo = folder.File("demo.db");
        DemoDataset.Create(demo);
        var csv = folder.File("export");

        var export = await CliRun.Invoke("import", "export", "--out", csv, "--db", demo);
        var again = await CliRun.Invoke("import", csv, "--dry-run", "--db", demo);

        Assert.Equal(0, export.ExitCode);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("members: 0 added, 0 changed, 478,957 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 changed: the database already holds exactly these data", again.Output, StringComparison.Ordinal);
    }
}
