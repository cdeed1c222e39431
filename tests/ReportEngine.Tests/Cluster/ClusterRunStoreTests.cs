using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Tests.Postgres;

namespace ReportEngine.Tests.Cluster;

/// <summary>
/// The statements by which workers agree on who does a run, raced by many callers at once on a real PostgreSQL
/// copy (READ COMMITTED: only the unique keys decide). Counts are the test's own SQL.
/// </summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class ClusterRunStoreTests(PostgresDemo demo)
{
    private const int Callers = 8;
    private readonly string _database = demo.NewDatabase();

    [Fact]
    public void Of_many_workers_recording_a_committees_first_run_and_then_its_recovery_one_each_time_wins()
    {
        var store = new ClusterRunStore(_database, TimeProvider.System);
        var committee = Scalar<long>("SELECT MIN(id) FROM committees");
        var burst = store.BurstFor("committee-report", "{}", "commune", "schedule:communes", "communes", "2026-01-01T00:00:00.000Z");

        var first = Race(() => store.QueueCommitteeRun(burst, committee, Run(null), replacing: null));
        var winner = Assert.Single(first.OfType<long>());
        new RunStore(_database, TimeProvider.System).Interrupt(winner, "its worker died");
        var recovery = Race(() => store.QueueCommitteeRun(burst, committee, Run(winner), replacing: winner));
        var redone = Assert.Single(recovery.OfType<long>());

        Assert.Equal(2, Scalar<long>("SELECT COUNT(*) FROM runs"));
        Assert.Equal(redone, Scalar<long>("SELECT run_id FROM burst_runs WHERE burst_id = @burst AND committee_id = @committee", new { burst, committee }));
        Assert.Equal(winner, Scalar<long>("SELECT recovers_run_id FROM runs WHERE id = @redone", new { redone }));
        Assert.Equal(ProcessName.Current, Scalar<string>("SELECT executed_by FROM runs WHERE id = @redone", new { redone }));
    }

    [Fact]
    public void Of_many_workers_at_one_firing_one_burst_is_made_and_each_recovery_of_a_run_is_queued_once()
    {
        var store = new ClusterRunStore(_database, TimeProvider.System);
        var bursts = Race(() => store.BurstFor("committee-report", "{}", "commune", "schedule:communes", "communes", "2026-01-01T00:00:00.000Z"));
        Assert.Single(bursts.Distinct());
        Assert.Equal(1, Scalar<long>("SELECT COUNT(*) FROM bursts"));

        var firing = Race(() => store.QueueOnce(Run(null) with { ScheduleId = "daily", ScheduledFor = "2026-01-01T00:00:00.000Z" }));
        var first = Assert.Single(firing.OfType<long>());
        var recoveries = Race(() => store.QueueOnce(Run(first) with { ScheduleId = "daily", ScheduledFor = "2026-01-01T00:00:00.000Z" }));
        Assert.Single(recoveries.OfType<long>());
        Assert.Equal(2, Scalar<long>("SELECT COUNT(*) FROM runs WHERE schedule_id = 'daily'"));
    }

    private static List<T> Race<T>(Func<T> call)
    {
        var results = new ConcurrentBag<T>();
        using var start = new Barrier(Callers);
        // A thread each (not the pool's few), released together.
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            results.Add(call());
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(callers);
        return [.. results];
    }

    private static RunRecord Run(long? recovers) => new()
    {
        Template = "committee-report",
        Language = "vi",
        Parameters = """{"year":"2024"}""",
        Trigger = recovers is null ? RunTrigger.Schedule : RunTrigger.Recovery,
        RequestedBy = "schedule:communes",
        RecoversRunId = recovers,
        Attempt = recovers is null ? 1 : 2,
        Status = RunStatus.Queued,
        QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
    };

    private T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }
}
