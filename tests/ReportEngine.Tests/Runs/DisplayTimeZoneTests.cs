using ReportEngine.Configuration;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Runs;

/// <summary>Times shown to people are in Display:TimeZone (default Asia/Ho_Chi_Minh) with their offset, not UTC.</summary>
[Collection(WorkerGroup.Name)]
public sealed class DisplayTimeZoneTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Theory]
    [InlineData(null, "2026-01-15 08:30 +07:00")]
    [InlineData("Europe/Warsaw", "2026-01-15 02:30 +01:00")]
    public async Task Runs_list_and_runs_show_give_times_in_the_display_zone_with_the_offset(string? zone, string expected)
    {
        var id = _folder.Runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = "{}",
            Trigger = RunTrigger.Console,
            RequestedBy = "lan",
            Status = RunStatus.Queued,
            QueuedAt = "2026-01-15T01:30:00.000Z",
        });
        var environment = zone is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Display__TimeZone"] = zone };

        var list = await CliProcess.Run(_folder.Path, environment, null, "runs", "list", "--db", _folder.Database);
        var show = await CliProcess.Run(_folder.Path, environment, null, "runs", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", _folder.Database);

        Assert.Contains($"  console by lan  {expected}  -", list.Output, StringComparison.Ordinal);
        Assert.Contains($"queued:           {expected}", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_display_zone_is_refused_naming_the_setting()
    {
        var list = await CliProcess.Run(_folder.Path, new Dictionary<string, string> { ["Display__TimeZone"] = "Mars/Olympus" }, null,
            "runs", "list", "--db", _folder.Database);

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("The setting Display:TimeZone names the time zone \"Mars/Olympus\"", list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_with_seconds_keeps_them_and_parses_back_to_the_same_instant()
    {
        var firing = new DateTimeOffset(2026, 9, 5, 1, 0, 7, TimeSpan.Zero);

        var shown = PersonTime.Format(firing, WorkerFolder.Vietnam);

        Assert.Equal("2026-09-05 08:00:07 +07:00", shown);
        Assert.Equal(firing, DateTimeOffset.Parse(shown, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _folder.Dispose();
}
