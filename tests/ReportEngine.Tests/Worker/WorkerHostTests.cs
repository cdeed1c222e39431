using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>The worker process as an operator meets it: its settings, SIGTERM, and `run` while it serves.</summary>
[Collection(WorkerGroup.Name)]
public sealed class WorkerHostTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(30);
    private readonly WorkerFolder _folder = new(fixture);

    [Theory]
    [InlineData("Worker__GracePeriod", "-00:00:05", "Worker:GracePeriod")]
    [InlineData("Worker__GracePeriod", "soon", "Worker:GracePeriod")]
    [InlineData("Schedules__TimeZone", "Mars/Olympus_Mons", "Schedules:TimeZone")]
    [InlineData("Archive__Path", " ", "Archive:Path")]
    [InlineData("Delivery__ClaimTimeout", "00:00:01", "Delivery:ClaimTimeout")]
    public async Task A_bad_setting_stops_the_worker_with_a_message_naming_the_key(string variable, string value, string key)
    {
        using var worker = _folder.StartWorker(new Dictionary<string, string> { [variable] = value });

        await worker.WaitForExit(Startup);

        Assert.Equal(1, worker.ExitCode);
        var error = Assert.Single(worker.Output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(key, error, StringComparison.Ordinal);
        // The one line is all: no host entry repeating it with a stack trace.
        Assert.DoesNotContain(" at Microsoft.", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_worker_on_the_same_database_refuses_to_start_and_the_first_serves_on()
    {
        using var first = _folder.StartWorker();
        await Poll.Until(() => _folder.Runs.LiveWorkers(TimeSpan.FromSeconds(15)).Count > 0, Startup, () => first.Output);

        using var second = _folder.StartWorker();
        await second.WaitForExit(Startup);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"error: Another worker (", second.Output, StringComparison.Ordinal);
        Assert.Contains($":{first.Id})", second.Output, StringComparison.Ordinal);
        Assert.False(first.HasExited);
    }

    [Fact]
    public async Task An_on_demand_run_while_the_worker_serves_goes_through_the_worker()
    {
        using var worker = _folder.StartWorker();
        await Poll.Until(() => _folder.Runs.LiveWorkers(TimeSpan.FromSeconds(15)).Count > 0, Startup, () => worker.Output);

        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=duc-linh",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, run.OutputLines.Count);
        Assert.True(File.Exists(run.OutputLines[0]), run.OutputLines[0]);
        var id = long.Parse(run.OutputLines[1]["run ".Length..run.OutputLines[1].IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        var record = _folder.Runs.Find(id)!;
        Assert.Equal(RunTrigger.CommandLine, record.Trigger);
        Assert.Equal(Environment.UserName, record.RequestedBy);
        Assert.EndsWith($":{worker.Id}", record.ExecutedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_lets_a_running_report_finish_within_the_grace_period()
    {
        var due = WorkerFolder.SecondsAhead(8);
        _folder.WriteSchedules($"""
            schedules:
              - id: graceful
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: ham-tan {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        using var worker = _folder.StartWorker(new Dictionary<string, string> { ["REPORTENGINE_TEST_DELAY_BEFORE_ARCHIVE_MS"] = "3000" });
        var running = await Poll.Until(() => _folder.RunsOf("graceful").FirstOrDefault(r => r.Status == RunStatus.Running), Startup + TimeSpan.FromSeconds(8), () => worker.Output);

        await worker.Terminate(TimeSpan.FromSeconds(30));

        Assert.Equal(0, worker.ExitCode);
        Assert.Equal(RunStatus.Succeeded, _folder.Runs.Find(running.Id)!.Status);
    }

    [Fact]
    public async Task A_run_still_going_when_the_grace_period_ends_is_interrupted_and_done_again_at_the_next_start()
    {
        var due = WorkerFolder.SecondsAhead(8);
        _folder.WriteSchedules($"""
            schedules:
              - id: too-slow
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: ham-thuan-nam {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        RunRecord cut;
        using (var before = _folder.StartWorker(new Dictionary<string, string>
        {
            ["REPORTENGINE_TEST_DELAY_BEFORE_ARCHIVE_MS"] = "600000",
            ["Worker__GracePeriod"] = "00:00:02",
        }))
        {
            var running = await Poll.Until(() => _folder.RunsOf("too-slow").FirstOrDefault(r => r.Status == RunStatus.Running), Startup + TimeSpan.FromSeconds(8), () => before.Output);
            // Stop once the PDF is rendered and the run waits to archive it: rendering itself cannot be
            // cancelled, so a stop during it would be recovered like a crash instead.
            var staging = _folder.Archive.StagingFolder(running.Id);
            await Poll.Until(() => Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*.pdf").Any() ? staging : null, Startup, () => before.Output);
            await before.Terminate(TimeSpan.FromSeconds(30));
            cut = _folder.Runs.Find(running.Id)!;
        }

        Assert.Equal(RunStatus.Interrupted, cut.Status);
        Assert.Contains("grace period", cut.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.Archive.Files());

        using var after = _folder.StartWorker();
        var again = await Poll.Until(() => _folder.Runs.RecoveredBy(cut.Id) is { IsFinished: true } r ? r : null, Startup, () => after.Output);
        Assert.Equal(RunStatus.Succeeded, again.Status);
        Assert.Equal(cut.ScheduledFor, again.ScheduledFor);
    }

    public void Dispose() => _folder.Dispose();
}
