using System.Diagnostics;
using System.Globalization;
using ReportEngine.Runs;
using ReportEngine.Tests.Postgres;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Cluster;

/// <summary>
/// A run asked for on demand whose worker died mid-run (its record still says running, and no Quartz job of a live
/// worker knows it): the live workers' sweep marks it interrupted and has it done again, once, by one of them.
/// </summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class ClusterSweepTests(PostgresDemo demo)
{
    [Fact]
    public async Task A_run_left_running_by_a_dead_worker_is_done_again_once_by_a_live_worker()
    {
        using var world = await ClusterWorld.Start(demo);
        await world.StartWorkers(2);
        var dead = DeadWorkerName();
        var abandoned = new RunStore(world.Database, TimeProvider.System).Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = """{"year":"2024","locality":"la-gi"}""",
            Trigger = RunTrigger.Console,
            RequestedBy = "operator",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
        });
        // As the dead worker left it: started, never finished.
        world.Scalar<long>("UPDATE runs SET status = 'running', started_at = queued_at, executed_by = @dead WHERE id = @abandoned RETURNING id", new { dead, abandoned });

        var redone = await Poll.Until(() => world.Query<string>(
                "SELECT status || ' ' || executed_by FROM runs WHERE recovers_run_id = @abandoned AND status IN ('succeeded', 'failed')", new { abandoned })
            is [var found, ..] ? found : null, TimeSpan.FromMinutes(3), world.Describe);

        var status = redone.Split(' ')[0];
        var executedBy = redone.Split(' ')[1];
        Assert.Equal(("succeeded", true), (status, world.Workers.Select(ClusterWorld.NameOf).Contains(executedBy)));
        Assert.Equal("interrupted", world.Scalar<string>("SELECT status FROM runs WHERE id = @abandoned", new { abandoned }));
        // A few more sweeps of both workers change nothing: done again once.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, world.Scalar<long>("SELECT COUNT(*) FROM runs WHERE recovers_run_id = @abandoned", new { abandoned }));
        Assert.Equal(2, world.Scalar<long>("SELECT COUNT(*) FROM runs"));
    }

    /// <summary>The name of a worker on this host whose process has exited.</summary>
    private static string DeadWorkerName()
    {
        using var exited = Process.Start("true")!;
        exited.WaitForExit();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{exited.Id}");
    }
}
