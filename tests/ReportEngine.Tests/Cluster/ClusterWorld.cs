using System.Globalization;
using Dapper;
using Npgsql;
using ReportEngine.Tests.Postgres;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Cluster;

/// <summary>
/// One cluster test's world: a fresh PostgreSQL copy of the demo, a working folder shared by every worker (so one
/// archive, as on a shared mount), aiosmtpd, and `serve` processes started on them with quick cluster settings
/// (1 s Quartz check-in, 2 s threshold, a worker dead 3 s after its last heartbeat, one report at a time each).
/// Figures are read with the test's own SQL.
/// </summary>
public sealed class ClusterWorld : IDisposable
{
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(3);

    private readonly TempFolder _folder = new();
    private readonly List<WorkerProcess> _workers = [];

    private ClusterWorld(string database)
    {
        Database = database;
        Directory.CreateDirectory(_folder.File("config"));
    }

    public string Database { get; }

    public SmtpServer Smtp { get; private set; } = null!;

    public string Path => _folder.Path;

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public static async Task<ClusterWorld> Start(PostgresDemo demo, SmtpScript? script = null)
    {
        var world = new ClusterWorld(demo.NewDatabase());
        try
        {
            world.Smtp = await SmtpServer.Start(world._folder.File("smtp"), script: script);
            return world;
        }
        catch
        {
            world.Dispose();
            throw;
        }
    }

    public static string NameOf(WorkerProcess worker) => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{worker.Id}");

    /// <summary>Starts <paramref name="count"/> workers and waits until each has written its heartbeat.</summary>
    public async Task StartWorkers(int count)
    {
        var environment = new Dictionary<string, string>(Smtp.Environment.Concat(PostgresDemo.Environment(Database)))
        {
            ["Worker__ClusterCheckinInterval"] = "00:00:01",
            ["Worker__ClusterCheckinMisfireThreshold"] = "00:00:02",
            ["Worker__DeadAfter"] = "00:00:03",
            // Lean: the machine's two cores are shared; three workers render three reports at a time.
            ["Worker__MaxConcurrentRuns"] = "1",
            ["Delivery__PollInterval"] = "00:00:00.200",
            ["Delivery__FirstRetryDelay"] = "00:00:00",
            ["Delivery__HeartbeatInterval"] = "00:00:00.500",
            ["Delivery__ClaimTimeout"] = "00:00:05",
            ["Smtp__TimeoutSeconds"] = "3",
        };
        for (var i = 0; i < count; i++)
        {
            _workers.Add(WorkerProcess.Start(Path, Database, environment));
        }

        var names = _workers.Select(NameOf).ToList();
        await Poll.Until(() => _workers.Any(w => w.HasExited) ? throw new InvalidOperationException("a worker exited:\n" + Describe())
                : names.All(name => Scalar<long>("SELECT COUNT(*) FROM workers WHERE name = @name", new { name }) == 1) ? true : (bool?)null,
            TimeSpan.FromSeconds(120), () => string.Join("\n---\n", _workers.Select(w => w.Output)));
    }

    /// <summary>
    /// A schedule firing once, a burst of committee-report 2024 over the given committees: far enough ahead for every
    /// worker to check it first (each prepares every committee's report; some 20 s for the communes here).
    /// </summary>
    public DateTimeOffset ScheduleBurst(string committees, int secondsAhead = 45)
    {
        var due = WorkerFolder.SecondsAhead(secondsAhead);
        File.WriteAllText(_folder.File("config/schedules.yaml"), $"""
            schedules:
              - id: communes
                template: committee-report
                parameters: {"{"} year: "2024" {"}"}
                committees: {committees}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        return due;
    }

    /// <summary>The commune committees of the demo: id, code, and how many e-mail recipients each has.</summary>
    public IReadOnlyList<(long Id, string Code, long Recipients)> CommuneCommittees() => Query<(long, string, long)>(
        """
        SELECT c.id, c.code, (SELECT COUNT(*) FROM committee_recipients r WHERE r.committee_id = c.id)
        FROM committees c JOIN localities l ON l.id = c.locality_id WHERE l.level = 'commune' ORDER BY c.id
        """);

    /// <summary>Succeeded runs per committee code (the run's confined locality is its committee's).</summary>
    public IReadOnlyDictionary<string, long> SucceededPerCommittee() => Query<(string, long)>(
        """
        SELECT c.code, COUNT(*) FROM runs r JOIN committees c ON c.id = (SELECT br.committee_id FROM burst_runs br WHERE br.run_id = r.id)
        WHERE r.status = 'succeeded' GROUP BY c.code
        """).ToDictionary(x => x.Item1, x => x.Item2);

    public string Describe() =>
        string.Join("\n", Query<(long, string, string?, string?)>("SELECT id, status, executed_by, error FROM runs ORDER BY id")
            .Select(r => $"run {r.Item1} {r.Item2} by {r.Item3} {r.Item4}"))
        + "\n" + string.Join("\n===\n", _workers.Select(w => Tail(w.Output)));

    /// <summary>A worker's last lines, each message once (a warning repeated every poll would hide the rest).</summary>
    private static string Tail(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = output.Split('\n').Reverse().Where(line => seen.Add(line.Length > 24 && char.IsDigit(line[0]) ? line[24..] : line)).Take(60).Reverse();
        return string.Join("\n", lines);
    }

    public int MaildirCount() =>
        Directory.Exists(System.IO.Path.Combine(Smtp.Maildir, "new")) ? Directory.GetFiles(System.IO.Path.Combine(Smtp.Maildir, "new")).Length : 0;

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public int Execute(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        return connection.Execute(sql, parameters);
    }

    public IReadOnlyList<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(Database);
        connection.Open();
        return connection.Query<T>(sql, parameters).AsList();
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        Smtp?.Dispose();
        NpgsqlConnection.ClearAllPools();
        _folder.Dispose();
    }
}
