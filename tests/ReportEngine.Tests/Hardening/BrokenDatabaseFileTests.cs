using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// A file that is not a database, a truncated one, or one locked past the wait: one `error:` line
/// naming the file and the cause, exit 1, no stack trace (the real command line, in a child process).
/// </summary>
[Collection(WorkerGroup.Name)]
public sealed class BrokenDatabaseFileTests(WorkerFixture fixture) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_file_that_is_not_a_database_is_one_error_line_for_every_verb()
    {
        // Before: `deliveries list --db /etc/passwd` printed SqliteException's stack trace and exited 134.
        var passwd = _folder.File("passwd");
        File.Copy("/etc/passwd", passwd);

        foreach (var verb in new[] { new[] { "deliveries", "list" }, ["runs", "list"], ["deliveries", "send"] })
        {
            var result = await CliProcess.Run(_folder.Path, [.. verb, "--db", passwd]);

            result.AssertOneErrorLine();
            Assert.Contains(passwd, result.Error, StringComparison.Ordinal);
            Assert.Contains("is not a SQLite database", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_truncated_database_is_one_error_line_naming_the_file_as_damaged()
    {
        var database = fixture.CopyInto(_folder.Path);
        using (var stream = new FileStream(database, FileMode.Open))
        {
            stream.SetLength(stream.Length / 3);
        }

        var result = await CliProcess.Run(_folder.Path, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy", "--db", database,
            "--archive", _folder.File("archive"));

        result.AssertOneErrorLine();
        Assert.Contains($"the database {database} is damaged", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("archive")) && Directory.EnumerateFiles(_folder.File("archive"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_database_locked_past_the_wait_is_one_error_line_and_no_run_is_left_behind()
    {
        var database = fixture.CopyInto(_folder.Path);
        var runsBefore = new ReportEngine.Runs.RunStore(database, TimeProvider.System).List(1000).Count;
        using (var holder = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            holder.Open();
            using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE; UPDATE runs SET error = error WHERE 0;";
            hold.ExecuteNonQuery();

            // The connection string's Default Timeout is the wait for a lock (30 s unless it says otherwise).
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await CliProcess.Run(_folder.Path, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy",
                "--db", $"Data Source={database};Default Timeout=2", "--archive", _folder.File("archive"));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(25));

            result.AssertOneErrorLine();
            Assert.Contains($"the database {database} is locked by another process", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(runsBefore, new ReportEngine.Runs.RunStore(database, TimeProvider.System).List(1000).Count);
        Assert.False(Directory.Exists(_folder.File("archive")) && Directory.EnumerateFiles(_folder.File("archive"), "*.pdf", SearchOption.AllDirectories).Any());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
