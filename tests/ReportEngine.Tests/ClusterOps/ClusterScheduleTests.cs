using Dapper;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Runs;
using ReportEngine.Tests.Postgres;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.ClusterOps;

/// <summary>
/// Three `serve` processes on one PostgreSQL database (clustered Quartz): a schedule fires once across
/// them, and a firing due while the whole cluster was down runs once when it comes back. Along the way:
/// `workers list` shows the live workers and not a killed one, and the shared archive is checked.
/// </summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class ClusterScheduleTests(PostgresDemo demo) : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(120);
    private readonly ClusterFolder _cluster = new(demo.NewDatabase());

    [Fact]
    public async Task With_three_workers_up_a_schedule_fires_once_and_workers_list_shows_the_live_ones()
    {
        var workers = await _cluster.StartWorkers(3);
        var names = workers.Select(ClusterFolder.NameOf).ToHashSet();
        // Each writes its first heartbeat within a poll of serving.
        var listed = await WorkersListUntil(3);
        Assert.Equal(names, listed.Select(l => l.Split("  ")[0]).ToHashSet());
        Assert.All(listed, l => Assert.EndsWith("  running 0", l, StringComparison.Ordinal));

        // Written once all three serve: each reloads the file within a second and stores the same trigger.
        var due = WorkerFolder.SecondsAhead(10);
        _cluster.WriteSchedules(Schedule("once", due));

        var run = await Poll.Until(() => _cluster.RunsOf("once").FirstOrDefault(r => r.Status is RunStatus.Succeeded or RunStatus.Failed),
            RunDeadline, _cluster.AllOutput);
        await Poll.Until(() => _cluster.QuartzIsDoneWith("once"), RunDeadline, _cluster.AllOutput);

        Assert.True(run.Status == RunStatus.Succeeded, $"{run.Error}\n{_cluster.AllOutput()}");
        Assert.Single(_cluster.RunsOf("once"));
        Assert.Contains(run.ExecutedBy!, names);
        var file = Assert.Single(_cluster.Archive.Files());
        Assert.Equal((run.ArchivePath, run.Sha256), (file, ReportArchive.Sha256(_cluster.Archive.FullPath(file))));
        Assert.Equal($"database={await IdentityOf(_cluster.Database)}",
            File.ReadLines(Path.Combine(_cluster.Archive.Root, ArchiveMarker.FileName)).Single(l => l.StartsWith("database=", StringComparison.Ordinal)));

        var killed = workers[1];
        await killed.KillHard();
        // On this host a killed worker is dead as soon as its process is gone; elsewhere, once its heartbeat is older than Worker:DeadAfter.
        var afterKill = await WorkersListUntil(2);
        Assert.DoesNotContain(afterKill, l => l.StartsWith(ClusterFolder.NameOf(killed) + "  ", StringComparison.Ordinal));
        Assert.Contains(await WorkersList("--all"), l => l.StartsWith(ClusterFolder.NameOf(killed) + "  ", StringComparison.Ordinal) && l.EndsWith("  dead", StringComparison.Ordinal));

        // A fourth worker pointed at another database's archive is refused before it serves.
        var elsewhere = Path.Combine(_cluster.Path, "other-archive");
        Directory.CreateDirectory(elsewhere);
        await File.WriteAllTextAsync(Path.Combine(elsewhere, ArchiveMarker.FileName), $"database={await IdentityOf(demo.NewDatabase())}\n");
        var refused = _cluster.Start(new Dictionary<string, string> { ["Archive__Path"] = elsewhere });
        await refused.WaitForExit(ClusterFolder.Startup);
        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains($"The archive {elsewhere} (setting Archive:Path) belongs to another database", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_firing_due_while_the_whole_cluster_was_down_runs_once_when_three_workers_come_back()
    {
        var before = await _cluster.StartWorkers(3);
        // Far enough ahead to store the trigger and stop three workers on a loaded machine before it is due.
        var due = WorkerFolder.SecondsAhead(20);
        _cluster.WriteSchedules(Schedule("missed", due));
        await Poll.Until(() => _cluster.HasTrigger("missed"), TimeSpan.FromSeconds(30), _cluster.AllOutput);
        await Task.WhenAll(before.Select(w => w.Terminate(TimeSpan.FromSeconds(60))));
        Assert.True(DateTimeOffset.UtcNow < due, "the workers took too long to stop: the firing was not missed");
        Assert.Empty(_cluster.RunsOf("missed"));

        // Down past the firing and its misfire threshold (1 s in tests): the firing is missed.
        await Poll.Until(() => DateTimeOffset.UtcNow > due.AddSeconds(3), TimeSpan.FromSeconds(30));
        var after = await _cluster.StartWorkers(3);

        var run = await Poll.Until(() => _cluster.RunsOf("missed").FirstOrDefault(r => r.Status is RunStatus.Succeeded or RunStatus.Failed),
            RunDeadline, _cluster.AllOutput);
        await Poll.Until(() => _cluster.QuartzIsDoneWith("missed"), RunDeadline, _cluster.AllOutput);

        Assert.True(run.Status == RunStatus.Succeeded, $"{run.Error}\n{_cluster.AllOutput()}");
        Assert.Single(_cluster.RunsOf("missed"));
        Assert.Contains(run.ExecutedBy!, after.Select(ClusterFolder.NameOf));
        Assert.Single(_cluster.Archive.Files());
    }

    private static string Schedule(string id, DateTimeOffset due) => $"""
        schedules:
          - id: {id}
            template: annual-assessment
            parameters: {"{"} year: "2024", locality: la-gi {"}"}
            cron: "{WorkerFolder.CronAt(due)}"
        """;

    private async Task<IReadOnlyList<string>> WorkersList(params string[] options)
    {
        var list = await CliRun.Invoke(["workers", "list", "--db", _cluster.Database, .. options]);
        Assert.True(list.ExitCode == 0, list.Error);
        return list.OutputLines;
    }

    /// <summary>`workers list` again until it shows this many workers (30 s at most), then what it shows.</summary>
    private async Task<IReadOnlyList<string>> WorkersListUntil(int count)
    {
        var listed = await WorkersList();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); listed.Count != count && DateTime.UtcNow < deadline; listed = await WorkersList())
        {
            await Task.Delay(200);
        }

        Assert.True(listed.Count == count, string.Join("\n", listed));
        return listed;
    }

    /// <summary>The identity the archive marker must hold, from the test's own SQL.</summary>
    private static async Task<string> IdentityOf(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        var system = await connection.ExecuteScalarAsync<long>("SELECT system_identifier FROM pg_control_system()");
        return $"PostgreSQL system {system}, database {connection.Database}";
    }

    public void Dispose() => _cluster.Dispose();
}
