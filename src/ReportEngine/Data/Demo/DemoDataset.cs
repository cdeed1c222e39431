using Microsoft.Data.Sqlite;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data.Demo;

/// <summary>
/// A demo database for Bình Thuận province that reproduces exactly the figures its Provincial
/// Party Standing Committee published for 31 August 2024 (1,392 mass organisations, 440,532
/// members, 65/124/1,203 by scope), with 2023 figures for comparison, activities, targets and
/// committees. Deterministic: the same file content on every run and machine.
/// </summary>
public static class DemoDataset
{
    /// <summary>The seed of every random choice; the report's date, for want of a better number.</summary>
    public const int Seed = 20240831;

    /// <summary>
    /// Creates the demo database at <paramref name="dbPath"/>. An existing file is replaced only
    /// when <paramref name="overwrite"/> is true; otherwise a <see cref="ReportEngineException"/> says so.
    /// The clock only stamps schema_version.applied_at and times the run; the data never reads it.
    /// </summary>
    public static DemoSummary Create(string dbPath, bool overwrite = false, TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        var fullPath = Path.GetFullPath(dbPath);
        if (File.Exists(fullPath))
        {
            if (!overwrite)
            {
                throw new ReportEngineException($"The file {fullPath} already exists. Choose another path, or allow overwriting it.");
            }

            DeleteDatabaseFiles(fullPath);
        }

        var started = clock.GetTimestamp();
        try
        {
            DemoSummary summary;

            // Unpooled, so closing it checkpoints the WAL and releases the file: complete and free to copy.
            using (var connection = SqliteDatabase.Open(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString()))
            {
                MigrationRunner.Apply(connection, clock);
                summary = Generate(connection, fullPath);
            }

            return summary with { Elapsed = clock.GetElapsedTime(started) };
        }
        catch
        {
            // Half a demo database is worse than none: the next run would refuse to overwrite it.
            DeleteDatabaseFiles(fullPath);
            throw;
        }
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static DemoSummary Generate(SqliteConnection connection, string path)
    {
        var random = new Random(Seed);
        using var transaction = connection.BeginTransaction();
        DeferForeignKeys(connection, transaction);
        var localities = LocalityWriter.Write(connection, transaction);
        var organizations = new OrganizationPlanner(random, localities).Plan();
        OrganizationWriter.Write(connection, transaction, organizations);
        using var members = new MemberWriter(random);
        members.Write(connection, transaction, organizations);
        using var activities = new ActivityWriter(random);
        activities.Write(connection, transaction, organizations, localities);
        var targets = TargetWriter.Write(connection, transaction, localities, random);
        var (committees, recipients) = CommitteeWriter.Write(connection, transaction, localities);
        RecordAsImport(connection, transaction);
        transaction.Commit();
        return new DemoSummary(path, localities.All.Count, organizations.Count, members.Written, activities.Written,
            targets, committees, recipients, TimeSpan.Zero);
    }

    /// <summary>
    /// The demo's figures end on 31 August 2024 (activities stop there), which reports dated later must know.
    /// Its import time is that date too, not the clock, so the file is the same on every run.
    /// </summary>
    private static void RecordAsImport(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var insert = new PreparedInsert(connection, transaction, "imports",
            "imported_at", "imported_by", "source", "files", "data_as_of", "summary");
        var asOf = DemoCalendar.Text(DemoCalendar.AsOf2024);
        insert.Execute(asOf + "T00:00:00Z", "demo", "demo", "[]", asOf, "{}");
    }

    /// <summary>A province points at the province it merged into, which comes later in the catalogue: check at commit.</summary>
    private static void DeferForeignKeys(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA defer_foreign_keys = ON;";
        command.ExecuteNonQuery();
    }
}
