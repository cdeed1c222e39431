using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Archive;
using ReportEngine.Data;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>One test's world: a working folder with config/schedules.yaml, its own database copy and archive.</summary>
public sealed class WorkerFolder : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<WorkerProcess> _workers = [];

    public WorkerFolder(WorkerFixture fixture)
    {
        Database = fixture.CopyInto(_folder.Path);
        Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, "config"));
        Runs = new RunStore(Database, TimeProvider.System);
        Archive = new ReportArchive(System.IO.Path.Combine(_folder.Path, "archive"));
    }

    public string Path => _folder.Path;

    public string Database { get; }

    public RunStore Runs { get; }

    public ReportArchive Archive { get; }

    public static TimeZoneInfo Vietnam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>
    /// Replaces the schedules file in one rename, as editors save: a worker reloading every 200 ms must never read
    /// it half written (an empty read is a file without schedules, and would remove them all).
    /// </summary>
    public void WriteSchedules(string yaml)
    {
        var file = System.IO.Path.Combine(Path, "config", "schedules.yaml");
        File.WriteAllText(file + ".tmp", yaml);
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>A Quartz cron that fires at the given instants (same minute), read in Asia/Ho_Chi_Minh.</summary>
    public static string CronAt(params DateTimeOffset[] times)
    {
        var local = times.Select(t => TimeZoneInfo.ConvertTime(t, Vietnam)).ToList();
        var first = local[0];
        var seconds = string.Join(",", local.Select(t => t.Second.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds} {first.Minute} {first.Hour} {first.Day} {first.Month} ? {first.Year}");
    }

    /// <summary>Whole seconds from now, moved on so that the given number of following seconds stay in the same minute.</summary>
    public static DateTimeOffset SecondsAhead(int seconds, int following = 0)
    {
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(seconds);
        return at.Second + following > 59 ? at.AddSeconds(60 - at.Second) : at;
    }

    public WorkerProcess StartWorker(IReadOnlyDictionary<string, string>? environment = null)
    {
        var worker = WorkerProcess.Start(Path, Database, environment);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Whether the Quartz store holds a trigger of this schedule (it is gone once it will never fire again).</summary>
    public bool HasTrigger(string scheduleId)
    {
        using var connection = SqliteDatabase.Open(Database, readOnly: true);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = @scheduleId", new { scheduleId }) > 0;
    }

    public IReadOnlyList<RunRecord> RunsOf(string scheduleId) =>
        Runs.List(1000).Where(r => r.ScheduleId == scheduleId).OrderBy(r => r.Id).ToList();

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
