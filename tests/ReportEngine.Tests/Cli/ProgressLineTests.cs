using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Import;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Cli;

/// <summary>Progress of imports and bursts on a redirected stderr (a log, a pipe): plain lines, no carriage returns or escapes.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class ProgressLineTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_burst_with_stderr_redirected_writes_plain_committees_rendered_lines()
    {
        using var world = new DeliveryWorld(fixture);

        var output = await world.Burst(DeliveryWorld.Settings(), "phan-thiet,phu-quy");

        var lines = output.Split('\n');
        Assert.Contains("1/2 committees rendered", lines);
        Assert.Contains("2/2 committees rendered", lines);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task An_import_with_stderr_redirected_writes_plain_rows_lines()
    {
        using var world = new ImportWorld();
        var files = world.Csv("p", ("localities", ImportWorld.Localities), ("organizations", ImportWorld.Organizations), ("members", ImportWorld.Members));

        var import = await CliProcess.Run(world.Folder, "import", files, "--db", world.Database);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Matches(@"^localities: \d+ rows$", import.Error.Split('\n')[0]);
        Assert.DoesNotContain('\r', import.Error);
        Assert.DoesNotContain("rows", import.Output, StringComparison.Ordinal);
    }
}
