using System.Collections.Concurrent;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;

namespace ReportEngine.Tests.Postgres;

/// <summary>
/// The worker's state stores against a real PostgreSQL copy of the demo: the same guarded statements hold
/// under READ COMMITTED with several callers at once (no BEGIN IMMEDIATE there to serialise them).
/// Expected figures are counted by the test's own SQL.
/// </summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class PostgresStateStoresTests(PostgresDemo demo)
{
    private readonly string _database = demo.NewDatabase();

    [Fact]
    public void A_run_is_queued_started_once_and_finished_and_the_finish_is_guarded()
    {
        var runs = new RunStore(_database, TimeProvider.System);
        var id = runs.Queue(Run("annual-assessment"));

        Assert.True(runs.TryStart(id, "host:1"));
        Assert.False(runs.TryStart(id, "host:2"));
        runs.Succeed(id, pages: 3, bytes: 1234, "2024/run.pdf", "abc");
        Assert.False(runs.Interrupt(id, "too late"));

        var run = runs.Find(id)!;
        Assert.Equal((RunStatus.Succeeded, "host:1", 3L, 1234L, "2024/run.pdf"), (run.Status, run.ExecutedBy, run.Pages!.Value, run.Bytes!.Value, run.ArchivePath));
        Assert.Equal(id, runs.List(10, template: "annual-assessment", status: RunStatus.Succeeded).Single().Id);
        Assert.Contains(runs.Archived(), r => r.Id == id);
        var page = new RunQueries(_database).Page(new RunFilter(Status: RunStatus.Succeeded, From: DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(id, Assert.Single(page.Runs).Id);
        Assert.StartsWith("PostgreSQL 127.0.0.1:", runs.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_many_workers_starting_one_queued_run_at_once_exactly_one_does()
    {
        var runs = new RunStore(_database, TimeProvider.System);
        var ids = Enumerable.Range(0, 20).Select(_ => runs.Queue(Run("annual-assessment"))).ToList();
        var started = new ConcurrentBag<(long Run, int Worker)>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            foreach (var id in ids)
            {
                if (runs.TryStart(id, $"host:{worker}"))
                {
                    started.Add((id, worker));
                }
            }
        });

        Assert.Equal(ids.Order(), started.Select(s => s.Run).Order());
        using var connection = PostgresDatabase.Open(_database);
        Assert.Equal(20, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE status = 'running' AND executed_by IS NOT NULL"));
    }

    [Fact]
    public void Heartbeats_name_the_live_workers_and_queued_on_demand_runs_are_listed()
    {
        var runs = new RunStore(_database, TimeProvider.System);
        runs.Heartbeat("elsewhere:1", DateTimeOffset.UtcNow);
        runs.Heartbeat("elsewhere:1", DateTimeOffset.UtcNow);
        runs.Heartbeat("elsewhere:2", DateTimeOffset.UtcNow.AddMinutes(-5));
        using (var connection = PostgresDatabase.Open(_database))
        {
            connection.Execute("UPDATE workers SET heartbeat_at = @old WHERE name = 'elsewhere:2'", new { old = RunStore.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-5)) });
            Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM workers"));
        }

        // Another host's worker cannot be checked by its process id: its heartbeat decides.
        Assert.Equal("elsewhere:1", Assert.Single(runs.LiveWorkers(TimeSpan.FromSeconds(15))));
        runs.SignOff("elsewhere:1");
        Assert.Empty(runs.LiveWorkers(TimeSpan.FromSeconds(15)));

        var onDemand = runs.Queue(Run("annual-assessment") with { Trigger = RunTrigger.Console });
        Assert.Equal(onDemand, Assert.Single(runs.QueuedOnDemand()).Id);
    }

    [Fact]
    public void Two_senders_claiming_the_same_deliveries_at_once_claim_disjoint_sets_that_cover_them_all()
    {
        var outbox = new Outbox(_database, TimeProvider.System);
        var runId = new RunStore(_database, TimeProvider.System).Queue(Run("committee-report"));
        var committee = new CommitteeStore(_database).All()[0];
        outbox.Queue(Enumerable.Range(0, 300).Select(i => new DeliveryRecord
        {
            RunId = runId,
            CommitteeId = committee.Id,
            Channel = DeliveryChannel.Email,
            Address = $"r{i}@example.org",
            MessageId = $"<{i}@test>",
            Subject = "s",
            Body = "b",
            FileName = "f.pdf",
        }));
        var claims = new ConcurrentDictionary<string, ConcurrentBag<long>>();

        Parallel.ForEach(["sender-a", "sender-b", "sender-c"], new ParallelOptions { MaxDegreeOfParallelism = 3 }, sender =>
        {
            var mine = claims.GetOrAdd(sender, _ => []);
            foreach (var delivery in outbox.Due())
            {
                if (outbox.TryClaim(delivery.Id, sender))
                {
                    mine.Add(delivery.Id);
                }
            }
        });

        var all = claims.Values.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        using var connection = PostgresDatabase.Open(_database);
        foreach (var (sender, ids) in claims)
        {
            Assert.Equal(ids.Count, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM deliveries WHERE claimed_by = @sender", new { sender }));
        }
    }

    [Fact]
    public void Abandoned_claims_are_taken_back_and_the_burst_summary_counts_every_status()
    {
        var clock = TimeProvider.System;
        var outbox = new Outbox(_database, clock);
        var bursts = new BurstStore(_database, clock);
        var runs = new RunStore(_database, clock);
        var committees = new CommitteeStore(_database).All().Take(3).ToList();
        var burst = bursts.Create("committee-report", "{}", "province", "test");
        foreach (var committee in committees)
        {
            var run = runs.Queue(Run("committee-report"));
            bursts.AddRun(burst, committee.Id, run);
            outbox.Queue([Delivery(run, committee.Id, "a"), Delivery(run, committee.Id, "b")]);
        }

        var ids = outbox.List().Select(d => d.Id).ToList();
        Assert.True(outbox.TryClaim(ids[0], "gone"));
        outbox.MarkSent(ids[0]);
        Assert.True(outbox.TryClaim(ids[1], "gone"));
        outbox.MarkFailed(ids[1], "gone", "550 no such user");
        Assert.True(outbox.TryClaim(ids[2], "gone"));
        outbox.RecordTransientFailure(ids[2], "gone", "421 busy", maxAttempts: 1, _ => TimeSpan.FromMinutes(1));
        Assert.True(outbox.TryClaim(ids[3], "gone"));
        using (var connection = PostgresDatabase.Open(_database))
        {
            connection.Execute("UPDATE deliveries SET claimed_at = @old WHERE id = @id", new { old = RunStore.Timestamp(DateTimeOffset.UtcNow.AddHours(-1)), id = ids[3] });
        }

        Assert.Equal(1, outbox.ReleaseAbandonedClaims(TimeSpan.FromMinutes(10)));
        Assert.True(outbox.TryClaim(ids[3], "next"));

        var summary = bursts.Summarize(burst);
        Assert.Equal(new DeliverySummary(3, 1, 3, 1, 1), summary);
        using (var connection = PostgresDatabase.Open(_database))
        {
            var stored = connection.QuerySingle<(long Committees, long Sent, long Pending, long Failed, long Dead)>(
                "SELECT committee_count, sent, pending, failed, dead FROM bursts WHERE id = @burst", new { burst });
            Assert.Equal((3L, 1L, 3L, 1L, 1L), stored);
        }

        Assert.Equal(2, new DeliveryRetries(_database, clock).RetryAllFailed());
        var dashboard = new Dashboard(_database, clock).Read();
        Assert.Equal(new DeliveryCounts(5, 0, 0), dashboard.Deliveries);
        Assert.Equal(2, new DeliveryQueries(_database).Page(new DeliveryFilter(Committee: committees[0].Code)).Deliveries.Count);
    }

    [Fact]
    public void Of_simultaneous_requests_under_one_idempotency_key_one_queues_a_run_and_the_others_get_it()
    {
        var keys = new IdempotencyKeys(_database, TimeProvider.System);
        var answers = new ConcurrentBag<QueuedRequest>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
            answers.Add(keys.Record("api:tester", "key-1", "fingerprint", (connection, transaction) =>
                new QueuedRequest(RunStore.Queue(Run("annual-assessment") with { Trigger = RunTrigger.Api }, connection, transaction), null, Repeated: false))));

        Assert.Single(answers.Select(a => a.RunId).Distinct());
        Assert.Single(answers, a => !a.Repeated);
        using var connection = PostgresDatabase.Open(_database);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE trigger = 'api'"));
        Assert.Throws<IdempotencyConflictException>(() => keys.Find("api:tester", "key-1", "another"));
    }

    [Fact]
    public void A_queued_burst_is_claimed_by_one_of_two_workers_and_committees_are_found_in_any_case()
    {
        var clock = TimeProvider.System;
        long id;
        using (var connection = PostgresDatabase.Open(_database))
        using (var transaction = connection.BeginTransaction())
        {
            id = QueuedBurstStore.Queue(connection, transaction, "committee-report", new Dictionary<string, string> { ["year"] = "2024" },
                "province", RunTrigger.Console, "tester", RunStore.Timestamp(DateTimeOffset.UtcNow));
            transaction.Commit();
        }

        var store = new QueuedBurstStore(_database, clock);
        var waiting = store.Waiting().Single();
        var winners = new ConcurrentBag<string>();
        Parallel.ForEach(["a:1", "b:2", "c:3", "d:4"], worker =>
        {
            if (store.TryClaim(waiting, worker))
            {
                winners.Add(worker);
            }
        });

        Assert.Equal(store.Find(id)!.ExecutedBy, Assert.Single(winners));

        var committees = new CommitteeStore(_database);
        var sample = committees.All()[0];
        Assert.Contains(committees.Search(sample.Code.ToUpperInvariant()), c => c.Id == sample.Id);
        Assert.Contains(committees.Search(sample.Name.ToUpperInvariant()), c => c.Id == sample.Id);
        Assert.NotEmpty(new LocalityDirectory(_database).Search("la gi"));
    }

    private static RunRecord Run(string template) => new()
    {
        Template = template,
        Language = "vi",
        Parameters = """{"year":"2024"}""",
        Trigger = RunTrigger.CommandLine,
        RequestedBy = "tester",
        Status = RunStatus.Queued,
        QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
    };

    private static DeliveryRecord Delivery(long runId, long committeeId, string who) => new()
    {
        RunId = runId,
        CommitteeId = committeeId,
        Channel = DeliveryChannel.Email,
        Address = $"{who}{runId}@example.org",
        MessageId = $"<{who}{runId}@test>",
        Subject = "s",
        Body = "b",
        FileName = "f.pdf",
    };
}
