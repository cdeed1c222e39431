using Dapper;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Runs;

/// <summary>The runs page's listing: keyset pages, filters, and the dashboard's figures, on a real SQLite file.</summary>
public sealed class RunQueriesTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly string _database;

    public RunQueriesTests()
    {
        _database = _folder.File("reports.db");
        using var connection = SqliteDatabase.Open(_database);
        MigrationRunner.Apply(connection);
    }

    [Fact]
    public void Paging_through_while_runs_are_added_shows_every_earlier_run_once_newest_first()
    {
        Add(250);
        var expected = new RunStore(_database, TimeProvider.System).List(1000).Select(r => r.Id).ToList();
        var queries = new RunQueries(_database);
        var seen = new List<long>();
        long? before = null;
        do
        {
            var page = queries.Page(new RunFilter(), before, 40);
            seen.AddRange(page.Runs.Select(r => r.Id));
            before = page.NextBefore;
            Add(7); // new runs arrive between two clicks on "older"
        }
        while (before is not null);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public void Filters_combine_and_a_page_is_at_most_a_hundred()
    {
        Add(60);
        var queries = new RunQueries(_database);

        var failed = queries.Page(new RunFilter(Template: "t1", Status: RunStatus.Failed, RequestedBy: "lan"), size: 100);
        var day = queries.Page(new RunFilter(From: Start.AddHours(10), To: Start.AddHours(20)), size: 100);

        Assert.NotEmpty(failed.Runs);
        Assert.All(failed.Runs, r => Assert.Equal(("t1", RunStatus.Failed, "lan"), (r.Template, r.Status, r.RequestedBy)));
        Assert.Equal(10, day.Runs.Count);
        Assert.Null(day.NextBefore);
        Assert.Throws<ArgumentOutOfRangeException>(() => queries.Page(new RunFilter(), size: 101));
        Assert.Throws<ReportEngineException>(() => queries.Page(new RunFilter(Status: "done")));
    }

    [Fact]
    public void The_dashboard_puts_failures_first_and_counts_deliveries_that_need_someone()
    {
        Add(12);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start.AddHours(12));
        new RunStore(_database, clock).Heartbeat("host:1", Start);

        var figures = new Dashboard(_database, clock).Read(days: 7);

        Assert.Equal(RunStatus.Failed, figures.RecentRuns[0].Status);
        Assert.True(figures.AnyWorkerLive);
        Assert.Equal(new DeliveryCounts(0, 0, 0), figures.Deliveries);
    }

    /// <summary>Runs an hour apart from <see cref="Start"/> on: every third failed, templates t0..t2, by lan or minh.</summary>
    private void Add(int count)
    {
        using var connection = SqliteDatabase.Open(_database);
        var first = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs");
        for (var i = first; i < first + count; i++)
        {
            connection.Execute(
                """
                INSERT INTO runs (template, language, parameters, trigger, requested_by, status, queued_at)
                VALUES (@template, 'vi', '{}', 'console', @who, @status, @at)
                """,
                new { template = "t" + (i % 3), who = i % 2 == 0 ? "lan" : "minh", status = i % 3 == 1 ? RunStatus.Failed : RunStatus.Succeeded, at = RunStore.Timestamp(Start.AddHours(i)) });
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
