using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using ReportEngine.Archive;
using ReportEngine.Data;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.ClusterOps;

/// <summary>`workers list` on SQLite: the one serving worker, what it runs, and workers taken as dead.</summary>
[Collection(WorkerGroup.Name)]
public sealed partial class WorkersListSqliteTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task Lists_the_serving_worker_and_a_fresh_other_host_but_not_a_silent_or_killed_one_unless_all()
    {
        var worker = _folder.StartWorker();
        await worker.WaitForLine(l => l.Contains("Serving ", StringComparison.Ordinal), Startup);
        var serving = $"{Environment.MachineName}:{worker.Id.ToString(CultureInfo.InvariantCulture)}";
        // Workers on other hosts, whose processes this one cannot see: one silent for a minute (past
        // Worker:DeadAfter, 15 s by default), one with a fresh heartbeat running two runs.
        var now = DateTimeOffset.UtcNow;
        using (var connection = SqliteDatabase.Open(_folder.Database))
        {
            connection.Execute("INSERT INTO workers (name, started_at, heartbeat_at) VALUES ('elsewhere:1', @old, @old), ('elsewhere:2', @old, @now)",
                new { old = StoredTime.Format(now.AddMinutes(-1)), now = StoredTime.Format(now.AddHours(1)) });
        }

        foreach (var locality in new[] { "la-gi", "bac-binh" })
        {
            var id = _folder.Runs.Queue(new RunRecord
            {
                Template = "annual-assessment",
                Language = "vi",
                Parameters = $$"""{"year":"2024","locality":"{{locality}}"}""",
                Trigger = RunTrigger.CommandLine,
                RequestedBy = "test",
                Status = RunStatus.Queued,
                QueuedAt = StoredTime.Format(now),
            });
            Assert.True(_folder.Runs.TryStart(id, "elsewhere:2"));
        }

        var live = await List();
        Assert.Equal(2, live.Count);
        Assert.Contains(live, l => Matches(l, serving, running: 0, dead: false));
        Assert.Contains(live, l => Matches(l, "elsewhere:2", running: 2, dead: false));

        var all = await List("--all");
        Assert.Equal(3, all.Count);
        Assert.Contains(all, l => Matches(l, "elsewhere:1", running: 0, dead: true));

        await worker.KillHard();
        // Its row stays (no sign-off), but its process is gone on this host: dead at once, whatever its heartbeat.
        var afterKill = await List("--all");
        Assert.Contains(afterKill, l => Matches(l, serving, running: 0, dead: true));
        Assert.DoesNotContain(await List(), l => l.StartsWith(serving + " ", StringComparison.Ordinal));

        // The worker marked the archive as this database's on its way in.
        var marker = File.ReadAllText(Path.Combine(_folder.Archive.Root, ArchiveMarker.FileName));
        Assert.Contains("database=SQLite file " + Path.GetFullPath(_folder.Database), marker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_an_error_not_created()
    {
        var missing = Path.Combine(_folder.Path, "none.db");

        var list = await CliRun.Invoke("workers", "list", "--db", missing);

        Assert.Equal(1, list.ExitCode);
        Assert.False(File.Exists(missing));
    }

    private async Task<IReadOnlyList<string>> List(params string[] options)
    {
        var list = await CliRun.Invoke(["workers", "list", "--db", _folder.Database, .. options]);
        Assert.True(list.ExitCode == 0, list.Error);
        return list.OutputLines;
    }

    /// <summary>host:pid  started T  heartbeat T  running N[  dead], times in Display:TimeZone with their offset.</summary>
    private static bool Matches(string line, string name, int running, bool dead)
    {
        var match = Line().Match(line);
        return match.Success && match.Groups["name"].Value == name
            && match.Groups["running"].Value == running.ToString(CultureInfo.InvariantCulture) && match.Groups["dead"].Success == dead;
    }

    [GeneratedRegex(@"^(?<name>\S+:\d+)  started \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? [+-]\d\d:\d\d  heartbeat \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? [+-]\d\d:\d\d  running (?<running>\d+)(?<dead>  dead)?$")]
    private static partial Regex Line();

    public void Dispose() => _folder.Dispose();
}
