using System.Globalization;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>The real worker, in a child process, against a SQLite job store on disk.</summary>
[Collection(WorkerGroup.Name)]
public sealed class ScheduledRunTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(30);
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task A_schedule_due_in_a_few_seconds_fires_on_time_and_archives_a_pdf_with_a_run_record()
    {
        // Declared once the worker serves, so a slow start on a busy machine cannot make the firing late.
        using var worker = _folder.StartWorker();
        await worker.WaitForLine(l => l.Contains("Serving ", StringComparison.Ordinal), Startup);
        var due = WorkerFolder.SecondsAhead(4);
        _folder.WriteSchedules($"""
            schedules:
              - id: soon
                template: annual-assessment
                parameters: {"{"} year: previous-year, locality: phan-thiet-phu-tai {"}"}
                allow-partial: true
                cron: "{WorkerFolder.CronAt(due)}"
            """);

        var run = await Poll.Until(() => _folder.RunsOf("soon").FirstOrDefault(r => r.IsFinished), Startup, () => worker.Output);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(RunTrigger.Schedule, run.Trigger);
        Assert.Equal("schedule:soon", run.RequestedBy);
        Assert.Equal(RunStore.Timestamp(due), run.ScheduledFor);
        var started = DateTimeOffset.Parse(run.StartedAt!, CultureInfo.InvariantCulture);
        Assert.InRange(started - due, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        // previous-year is read at the firing, in Vietnam's time zone (a year after the demo's data: hence
        // allow-partial, and a commune that outlived the 2025 reform).
        Assert.Contains($"year={TimeZoneInfo.ConvertTime(due, WorkerFolder.Vietnam).Year - 1}", RunParameters.Describe(run.Parameters), StringComparison.Ordinal);
        var file = _folder.Archive.FullPath(run.ArchivePath!);
        Assert.StartsWith("%PDF", File.ReadAllText(file)[..4], StringComparison.Ordinal);
        Assert.Equal(run.Sha256, ReportEngine.Archive.ReportArchive.Sha256(file));
        Assert.Equal(new FileInfo(file).Length, run.Bytes);
    }

    [Fact]
    public async Task A_schedule_with_a_missing_template_or_bad_parameters_is_reported_at_start_and_the_others_still_run()
    {
        var due = WorkerFolder.SecondsAhead(8);
        _folder.WriteSchedules($"""
            schedules:
              - id: no-template
                template: no-such-template
                cron: "0 0 7 * * ?"
              - id: bad-year
                template: annual-assessment
                parameters: {"{"} year: last-year {"}"}
                cron: "0 0 7 * * ?"
              - id: good
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: la-gi {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        using var worker = _folder.StartWorker();

        var missing = await worker.WaitForLine(l => l.Contains("schedule \"no-template\"", StringComparison.Ordinal), Startup);
        var invalid = await worker.WaitForLine(l => l.Contains("schedule \"bad-year\"", StringComparison.Ordinal), Startup);
        var run = await Poll.Until(() => _folder.RunsOf("good").FirstOrDefault(r => r.IsFinished), Startup, () => worker.Output);

        Assert.Contains("There is no template \"no-such-template\"", missing, StringComparison.Ordinal);
        Assert.Contains("Parameter \"year\"", invalid, StringComparison.Ordinal);
        Assert.Contains("\"last-year\"", invalid, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Empty(_folder.RunsOf("no-template"));
        Assert.Empty(_folder.RunsOf("bad-year"));
        Assert.False(worker.HasExited);
    }

    [Fact]
    public async Task A_run_missed_while_the_worker_was_stopped_fires_once_after_restart()
    {
        // Three firings a second apart, all missed while the worker is down. Declared once the
        // worker serves, so the test does not depend on how fast it starts.
        DateTimeOffset first;
        using (var before = _folder.StartWorker())
        {
            await before.WaitForLine(l => l.Contains("Serving ", StringComparison.Ordinal), Startup);
            first = WorkerFolder.SecondsAhead(6, following: 2);
            _folder.WriteSchedules($"""
                schedules:
                  - id: missed
                    template: annual-assessment
                    parameters: {"{"} year: "2024", locality: tuy-phong {"}"}
                    cron: "{WorkerFolder.CronAt(first, first.AddSeconds(1), first.AddSeconds(2))}"
                """);
            await before.WaitForLine(l => l.Contains("schedule missed: added", StringComparison.Ordinal), Startup);
            await before.Terminate(TimeSpan.FromSeconds(30));
        }

        Assert.True(DateTimeOffset.UtcNow < first, "the worker must stop before the first firing for this test to mean anything");
        Assert.Empty(_folder.RunsOf("missed"));
        var late = first.AddSeconds(4) - DateTimeOffset.UtcNow;
        await Task.Delay(late); // the only wait on the clock: the firings must be missed

        using var after = _folder.StartWorker();
        await after.WaitForLine(l => l.Contains("schedule missed: unchanged", StringComparison.Ordinal), Startup);
        // Fired once now, then the trigger has no time left and leaves the store: nothing more can fire.
        await Poll.Until(() => !_folder.HasTrigger("missed") && _folder.RunsOf("missed") is { Count: > 0 } runs && runs.All(r => r.IsFinished), Startup, () => after.Output);

        var run = Assert.Single(_folder.RunsOf("missed"));
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(RunStore.Timestamp(first), run.ScheduledFor);
    }

    [Fact]
    public async Task Killing_the_worker_mid_run_leaves_no_partial_file_and_the_run_is_recovered_and_completes()
    {
        var due = WorkerFolder.SecondsAhead(8);
        _folder.WriteSchedules($"""
            schedules:
              - id: killed
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: binh-thuan {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        var slow = new Dictionary<string, string> { ["REPORTENGINE_TEST_DELAY_BEFORE_ARCHIVE_MS"] = "600000" };
        RunRecord interrupted;
        using (var before = _folder.StartWorker(slow))
        {
            // Rendered and waiting to be archived: the PDF exists only in the staging folder.
            interrupted = await Poll.Until(
                () => _folder.RunsOf("killed").FirstOrDefault(r => r.Status == RunStatus.Running
                    && Directory.Exists(_folder.Archive.StagingFolder(r.Id)) && Directory.GetFiles(_folder.Archive.StagingFolder(r.Id)).Length == 1),
                Startup + TimeSpan.FromSeconds(8),
                () => before.Output);
            await before.KillHard();
        }

        Assert.Empty(_folder.Archive.Files());
        Assert.Equal(RunStatus.Running, _folder.Runs.Find(interrupted.Id)!.Status);

        var restarted = DateTimeOffset.UtcNow;
        using var after = _folder.StartWorker();
        var recovery = await Poll.Until(() => _folder.Runs.RecoveredBy(interrupted.Id) is { IsFinished: true } r ? r : null, Startup, () => after.Output);
        var recoveredIn = DateTimeOffset.UtcNow - restarted;

        Assert.Equal(RunStatus.Succeeded, recovery.Status);
        Assert.Equal(RunTrigger.Recovery, recovery.Trigger);
        Assert.Equal(interrupted.ScheduledFor, recovery.ScheduledFor);
        var first = _folder.Runs.Find(interrupted.Id)!;
        Assert.Equal(RunStatus.Interrupted, first.Status);
        Assert.Contains("ended before the run finished", first.Error, StringComparison.Ordinal);
        Assert.Equal([recovery.ArchivePath!], _folder.Archive.Files());
        Assert.Empty(_folder.Archive.StagedRuns());
        Assert.Equal(2, _folder.RunsOf("killed").Count);
        Assert.InRange(recoveredIn, TimeSpan.Zero, Startup);
    }

    [Fact]
    public async Task A_schedule_never_runs_twice_at_once_even_when_it_is_due_while_still_running()
    {
        // Due every second for three seconds, each run taking two: firings come due while one runs.
        var first = WorkerFolder.SecondsAhead(8, following: 2);
        _folder.WriteSchedules($"""
            schedules:
              - id: busy
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: duc-linh {"}"}
                cron: "{WorkerFolder.CronAt(first, first.AddSeconds(1), first.AddSeconds(2))}"
            """);
        using var worker = _folder.StartWorker(new Dictionary<string, string> { ["REPORTENGINE_TEST_DELAY_BEFORE_ARCHIVE_MS"] = "2000" });
        await worker.WaitForLine(l => l.Contains("schedule busy: added", StringComparison.Ordinal), Startup);

        await Poll.Until(() => !_folder.HasTrigger("busy") && _folder.RunsOf("busy") is { Count: > 0 } runs && runs.All(r => r.IsFinished), Startup + TimeSpan.FromSeconds(20), () => worker.Output);

        var runs = _folder.RunsOf("busy");
        // At least two runs, or there was nothing that could have overlapped.
        Assert.True(runs.Count >= 2, $"{runs.Count} run(s) of busy; the test needs a firing that came due while another ran");
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(string.CompareOrdinal(runs[i].StartedAt, runs[i - 1].FinishedAt) >= 0,
                $"run {runs[i].Id} started at {runs[i].StartedAt}, before run {runs[i - 1].Id} finished at {runs[i - 1].FinishedAt}");
        }
    }

    public void Dispose() => _folder.Dispose();
}
