using Dapper;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Data.Migrations;

/// <summary>0012 widens the runs' trigger CHECK in both databases (SQLite edits its text, PostgreSQL swaps the constraint).</summary>
public sealed class ConsoleRunsMigrationTests : IDisposable
{
    private const string Insert = """
        INSERT INTO runs (template, language, parameters, trigger, requested_by, status, queued_at)
        VALUES ('annual-assessment', 'vi', '{}', @trigger, 'lan', 'queued', '2026-01-01T00:00:00.000Z')
        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public void Sqlite_takes_console_and_api_runs_and_still_refuses_an_unknown_trigger()
    {
        using var connection = SqliteDatabase.Open(_folder.File("reports.db"));
        MigrationRunner.Apply(connection);

        connection.Execute(Insert, new { trigger = "console" });
        connection.Execute(Insert, new { trigger = "api" });

        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => connection.Execute(Insert, new { trigger = "web" }));
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check;"));
        Assert.Contains("ix_runs_template_id", connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index'"));
    }

    [Fact]
    public void Postgresql_takes_console_and_api_runs_and_still_refuses_an_unknown_trigger()
    {
        using var cluster = new PostgresCluster();
        cluster.CreateDatabase("reports");
        using var connection = new NpgsqlConnection(cluster.ConnectionString("reports"));
        MigrationRunner.Apply(connection);

        connection.Execute(Insert, new { trigger = "console" });
        connection.Execute(Insert, new { trigger = "api" });

        Assert.Throws<PostgresException>(() => connection.Execute(Insert, new { trigger = "web" }));
        Assert.Equal(EmbeddedMigrations.Load().Max(m => m.Version), connection.ExecuteScalar<int>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'idempotency_keys'"));
        NpgsqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
