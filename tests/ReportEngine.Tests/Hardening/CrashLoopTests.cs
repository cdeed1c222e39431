using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>A report that kills the worker each time it runs is not recovered at every start for ever.</summary>
[Collection(WorkerGroup.Name)]
public sealed class CrashLoopTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task A_run_interrupted_MaxInterruptions_times_in_a_row_is_failed_and_not_recovered_again()
    {
        var due = WorkerFolder.SecondsAhead(8);
        _folder.WriteSchedules($"""
            schedules:
              - id: looping
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: tuy-phong {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        var crashing = new Dictionary<string, string> { [CrashPoint.Variable] = CrashPoint.AfterRecordPath, ["Worker__MaxInterruptions"] = "2" };

        // Two starts, each killed (kill -9) by the same run: the firing, then its recovery.
        for (var start = 1; start <= 2; start++)
        {
            using var worker = _folder.StartWorker(crashing);
            await worker.WaitForExit(Startup);
            Assert.True(worker.ExitCode == 137, $"start {start}: exit code {worker.ExitCode}\n{worker.Output}");
        }

        var runs = _folder.RunsOf("looping");
        Assert.Equal([1L, 2L], runs.Select(r => r.Attempt));
        Assert.Equal(runs[0].Id, runs[1].RecoversRunId);

        // The third start could render it (no crash now), but the run has used up its interruptions.
        using var third = _folder.StartWorker(new Dictionary<string, string> { ["Worker__MaxInterruptions"] = "2" });
        await third.WaitForLine(l => l.Contains("interrupted 2 times in a row", StringComparison.Ordinal), Startup);

        var last = _folder.Runs.Find(runs[1].Id)!;
        Assert.Equal(RunStatus.Failed, last.Status);
        Assert.StartsWith("interrupted 2 times; not recovered again", last.Error, StringComparison.Ordinal);
        Assert.Equal(2, _folder.RunsOf("looping").Count);
        Assert.Empty(_folder.Archive.Files());
        Assert.False(third.HasExited);
    }

    public void Dispose() => _folder.Dispose();
}
