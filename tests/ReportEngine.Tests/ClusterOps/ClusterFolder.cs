using System.Globalization;
using Dapper;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Runs;
using ReportEngine.Tests.Postgres;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.ClusterOps;

/// <summary>
/// One cluster test's world: a working folder (config/, the shared archive/) and a fresh PostgreSQL copy
/// of the demo, served by as many `serve` processes as the test starts, with the quick cluster settings
/// Quartz's own clustered tests use (1 s check-in, 2 s threshold). Disposing kills what still runs.
/// </summary>
public sealed class ClusterFolder : IDisposable
{
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    private readonly TempFolder _folder = new();
    private readonly List<WorkerProcess> _workers = [];

    public ClusterFolder(string database)
    {
        Database = database;
        Directory.CreateDirectory(_folder.File("config"));
        Archive = new ReportArchive(_folder.File("archive"));
    }

    public string Path => _folder.Path;

    public string Database { get; }

    public ReportArchive Archive { get; }

    public static string NameOf(WorkerProcess worker) =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{worker.Id}");

    public void WriteSchedules(string yaml) => File.WriteAllText(_folder.File("config/schedules.yaml"), yaml);

    /// <summary>Starts the workers side by side and waits until every one serves.</summary>
    public async Task<IReadOnlyList<WorkerProcess>> StartWorkers(int count, IReadOnlyDictionary<string, string>? extra = null)
    {
        var started = Enumerable.Range(0, count).Select(_ => Start(extra)).ToList();
        foreach (var worker in started)
        {
            await worker.WaitForLine(l => l.Contains("Serving ", StringComparison.Ordinal), Startup);
        }

        return started;
    }

    public WorkerProcess Start(IReadOnlyDictionary<string, string>? extra = null)
    {
        // The owner's and the reader role's connection strings (reports render only through the reader).
        var environment = new Dictionary<string, string>(PostgresDemo.Environment(Database))
        {
            ["Worker__ClusterCheckinInterval"] = "00:00:01",
            ["Worker__ClusterCheckinMisfireThreshold"] = "00:00:02",
            ["Worker__DeadAfter"] = "00:00:03",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var worker = WorkerProcess.Start(Path, Database, environment);
        _workers.Add(worker);
        return worker;
    }

    public string AllOutput() => string.Join("\n---\n", _workers.Select(w => w.Output));

    /// <summary>The schedule's runs, read with the test's own SQL.</summary>
    public IReadOnlyList<ScheduledRun> RunsOf(string scheduleId)
    {
        using var connection = new NpgsqlConnection(Database);
        return connection.Query<ScheduledRun>(
            "SELECT id AS Id, status AS Status, executed_by AS ExecutedBy, archive_path AS ArchivePath, sha256 AS Sha256, error AS Error " +
            "FROM runs WHERE schedule_id = @scheduleId ORDER BY id",
            new { scheduleId }).AsList();
    }

    /// <summary>
    /// Whether Quartz is done with a one-off schedule everywhere: its trigger removed (it will never fire
    /// again) and no firing of it still executing on any node. Only then can the runs be counted for good.
    /// </summary>
    public bool QuartzIsDoneWith(string scheduleId)
    {
        using var connection = new NpgsqlConnection(Database);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = @scheduleId", new { scheduleId }) == 0
            && connection.ExecuteScalar<long>("SELECT COUNT(*) FROM qrtz_fired_triggers WHERE trigger_name = @scheduleId", new { scheduleId }) == 0;
    }

    public bool HasTrigger(string scheduleId)
    {
        using var connection = new NpgsqlConnection(Database);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = @scheduleId", new { scheduleId }) == 1;
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>A run of a schedule as the test reads it from the runs table (a class, so "none yet" is null).</summary>
public sealed record ScheduledRun(long Id, string Status, string? ExecutedBy, string? ArchivePath, string? Sha256, string? Error);
