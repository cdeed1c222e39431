using ReportEngine.Runs;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>A committee's report that kills the worker at every recovered firing is given up, as a single report is.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class BurstCrashLoopTests(DeliveryFixture fixture)
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_committees_run_interrupted_MaxInterruptions_times_is_failed_and_the_firing_is_not_recovered_again()
    {
        using var world = new DeliveryWorld(fixture);
        // Far enough ahead for a worker started on a loaded machine: a cron time already past never fires.
        var due = WorkerFolder.SecondsAhead(20);
        Directory.CreateDirectory(world.File("config"));
        File.WriteAllText(world.File("config/schedules.yaml"), $"""
            schedules:
              - id: looping
                template: annual-assessment
                parameters: {"{"} year: "2024" {"}"}
                committees: phu-quy
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        var crashing = DeliveryWorld.Settings(null, (CrashPoint.Variable, CrashPoint.AfterRecordPath), ("Worker__MaxInterruptions", "2"));

        // The firing, then its recovery at the next start: each killed (kill -9) by the committee's run.
        for (var start = 1; start <= 2; start++)
        {
            using var worker = WorkerProcess.Start(world.Path, world.Database, crashing);
            await worker.WaitForExit(Startup);
            Assert.True(worker.ExitCode == 137, $"start {start}: exit code {worker.ExitCode}\n{worker.Output}");
        }

        var runs = Runs(world);
        Assert.Equal([1L, 2L], runs.Select(r => r.Attempt));
        Assert.Equal(runs[0].Id, runs[1].RecoversRunId);

        // The third start could render it, but the committee's run has used up its interruptions.
        using var third = WorkerProcess.Start(world.Path, world.Database, DeliveryWorld.Settings(null, ("Worker__MaxInterruptions", "2")));
        await third.WaitForLine(l => l.Contains("interrupted 2 times in a row", StringComparison.Ordinal), Startup);

        var last = new RunStore(world.Database, TimeProvider.System).Find(runs[1].Id)!;
        Assert.Equal(RunStatus.Failed, last.Status);
        Assert.StartsWith("interrupted 2 times; not recovered again", last.Error, StringComparison.Ordinal);
        Assert.Equal(2, Runs(world).Count);
        Assert.Empty(world.Archive.Files());
        Assert.False(third.HasExited);
        await third.Terminate(TimeSpan.FromSeconds(30));
    }

    private static List<RunRecord> Runs(DeliveryWorld world) =>
        new RunStore(world.Database, TimeProvider.System).List(20).Where(r => r.RequestedBy == "schedule:looping").OrderBy(r => r.Id).ToList();
}
