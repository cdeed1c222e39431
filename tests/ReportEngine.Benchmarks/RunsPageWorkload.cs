using System.Diagnostics;
using System.Globalization;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Runs;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The console's runs page with 100,000 runs in history (issue 12: p95 under 100 ms server time): builds a
/// runs table of that size (not timed), then times many page queries as people make them (no filter, by
/// template, status, requester, a day to a quarter, and deep pages reached by keyset) and prints
/// RUNS-PAGE runs=N queries=N p50_ms=… p95_ms=… max_ms=….
/// </summary>
internal static class RunsPageWorkload
{
    internal const int Runs = 100_000;
    private const int Queries = 2_000;
    internal static readonly string[] Templates = ["annual-assessment", "quarterly-activities", "membership-summary"];
    private static readonly string[] Statuses = [RunStatus.Succeeded, RunStatus.Succeeded, RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted];

    public static int Run(string output)
    {
        var file = Path.Combine(output, "runs-page.db");
        File.Delete(file);
        Fill(file);

        var queries = new RunQueries(file);
        var random = new Random(12);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var times = new List<double>();
        for (var i = 0; i < Queries + 100; i++)
        {
            var filter = (i % 6) switch
            {
                0 => new RunFilter(),
                1 => new RunFilter(Template: Templates[random.Next(Templates.Length)]),
                2 => new RunFilter(Status: RunStatus.Failed),
                3 => new RunFilter(RequestedBy: "user" + random.Next(10).ToString(CultureInfo.InvariantCulture)),
                4 => DateRange(start.AddDays(random.Next(700)), random.Next(1, 92)),
                _ => new RunFilter(Template: Templates[0], Status: RunStatus.Succeeded),
            };
            long? before = i % 2 == 0 ? null : random.Next(1, Runs);
            var watch = Stopwatch.StartNew();
            var page = queries.Page(filter, before, RunQueries.DefaultPageSize);
            watch.Stop();
            if (i >= 100 && page.Runs.Count >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first 100 warm the caches up
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RUNS-PAGE runs={Runs} queries={times.Count} p50_ms={times[times.Count / 2]:0.00} p95_ms={times[(int)(times.Count * 0.95)]:0.00} max_ms={times[^1]:0.00}"));
        return 0;
    }

    /// <summary>A day to a quarter, as people filter by date: the range is read through its index and sorted by id (~6 ms a month).</summary>
    private static RunFilter DateRange(DateTimeOffset from, int days) => new(From: from, To: from.AddDays(days));

    /// <summary>Two years of runs, a few minutes apart, by ten people and the schedules.</summary>
    internal static void Fill(string file)
    {
        using var connection = SqliteDatabase.Open(file);
        MigrationRunner.Apply(connection);
        using var transaction = connection.BeginTransaction();
        var random = new Random(7);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, Runs).Select(i => new
        {
            template = Templates[random.Next(Templates.Length)],
            status = Statuses[random.Next(Statuses.Length)],
            trigger = i % 3 == 0 ? RunTrigger.Schedule : RunTrigger.Console,
            requestedBy = i % 3 == 0 ? "schedule:monthly" : "user" + random.Next(10).ToString(CultureInfo.InvariantCulture),
            queuedAt = RunStore.Timestamp(start.AddMinutes(i * 10.5)),
        });
        connection.Execute(
            """
            INSERT INTO runs (template, language, parameters, trigger, requested_by, status, queued_at, finished_at, pages, bytes)
            VALUES (@template, 'vi', '{"year":2024,"locality":"la-gi"}', @trigger, @requestedBy, @status, @queuedAt, @queuedAt, 12, 345678)
            """,
            rows,
            transaction);
        transaction.Commit();
        connection.Execute("ANALYZE;"); // a bare word would be taken by Dapper for a stored procedure
    }
}
