using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Data.Migrations;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly SqliteConnection connection;

    public MigrationRunnerTests() => connection = SqliteDatabase.Open(folder.File("reports.db"));

    public void Dispose()
    {
        connection.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void A_new_database_gets_every_embedded_migration_with_version_name_time_and_checksum()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 8, 31, 1, 2, 3, TimeSpan.Zero));

        var applied = MigrationRunner.Apply(connection, clock);

        Assert.Equal(1, applied[0].Version);
        Assert.Equal("initial_schema", applied[0].Name);
        var row = connection.QuerySingle<(long Version, string Name, string AppliedAt, string Checksum)>(
            "SELECT version, name, applied_at, checksum FROM schema_version WHERE version = 1");
        Assert.Equal(("initial_schema", "2024-08-31T01:02:03Z", applied[0].Checksum), (row.Name, row.AppliedAt, row.Checksum));
        Assert.Equal(64, row.Checksum.Length);
    }

    [Fact]
    public void Applying_twice_changes_nothing()
    {
        MigrationRunner.Apply(connection);
        var versionsBefore = Snapshot("SELECT version || '|' || name || '|' || applied_at || '|' || checksum FROM schema_version ORDER BY version");
        var schemaBefore = Snapshot("SELECT type || '|' || name || '|' || coalesce(sql, '') FROM sqlite_master ORDER BY name");

        var appliedAgain = MigrationRunner.Apply(connection);

        Assert.Empty(appliedAgain);
        Assert.Equal(versionsBefore, Snapshot("SELECT version || '|' || name || '|' || applied_at || '|' || checksum FROM schema_version ORDER BY version"));
        Assert.Equal(schemaBefore, Snapshot("SELECT type || '|' || name || '|' || coalesce(sql, '') FROM sqlite_master ORDER BY name"));
    }

    [Fact]
    public void Migrations_run_in_version_order_whatever_order_they_are_given_in()
    {
        var applied = MigrationRunner.Apply(connection,
        [
            new Migration(2, "second", "ALTER TABLE a ADD COLUMN y INTEGER;"),
            new Migration(1, "first", "CREATE TABLE a (x INTEGER);"),
        ]);

        Assert.Equal([1, 2], applied.Select(m => m.Version));
    }

    [Fact]
    public void A_database_with_a_newer_schema_version_is_refused_with_a_clear_message()
    {
        MigrationRunner.Apply(connection);
        var newest = EmbeddedMigrations.Load().Max(m => m.Version);
        var future = newest + 1;
        connection.Execute("INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (@future, 'from_the_future', '2030-01-01T00:00:00Z', 'x')", new { future });

        var error = Assert.Throws<SchemaVersionException>(() => MigrationRunner.Apply(connection));

        Assert.Equal(
            $"The database at {folder.File("reports.db")} has schema version {future}, but this ReportEngine knows versions up to {newest}. "
            + "Upgrade ReportEngine or use a matching database.",
            error.Message);
        Assert.IsAssignableFrom<ReportEngineException>(error);
    }

    [Fact]
    public void A_failing_migration_rolls_back_and_leaves_no_partial_tables()
    {
        MigrationRunner.Apply(connection, [new Migration(1, "first", "CREATE TABLE a (x INTEGER);")]);
        var failing = new Migration(2, "broken", "CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1);");

        var error = Assert.Throws<MigrationException>(() =>
            MigrationRunner.Apply(connection, [new Migration(1, "first", "CREATE TABLE a (x INTEGER);"), failing]));

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'"));
        Assert.Equal([1L], connection.Query<long>("SELECT version FROM schema_version"));
    }

    [Fact]
    public void An_applied_migration_whose_script_changed_is_reported()
    {
        MigrationRunner.Apply(connection, [new Migration(1, "first", "CREATE TABLE a (x INTEGER);")]);

        var error = Assert.Throws<MigrationException>(() =>
            MigrationRunner.Apply(connection, [new Migration(1, "first", "CREATE TABLE a (x INTEGER, y TEXT);")]));

        Assert.Contains("0001_first", error.Message, StringComparison.Ordinal);
        Assert.Contains("must never be edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_endings_do_not_change_a_checksum()
    {
        Assert.Equal(new Migration(1, "a", "SELECT 1;\r\nSELECT 2;\r\n").Checksum, new Migration(1, "a", "SELECT 1;\nSELECT 2;\n").Checksum);
    }

    [Fact]
    public void The_embedded_migrations_create_the_tables_the_reports_query_the_run_records_and_the_outbox()
    {
        MigrationRunner.Apply(connection);

        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

        Assert.Equal(
            ["activities", "burst_runs", "bursts", "committee_recipients", "committees", "console_api_keys", "console_audit_log", "console_users", "deliveries", "delivery_senders", "document_numbers", "eligible_populations", "idempotency_keys", "imports", "localities", "member_counts", "members", "organizations", "runs", "schema_version", "serving_worker", "sqlite_sequence", "targets", "workers"],
            tables);
    }

    private string Snapshot(string sql) => string.Join('\n', connection.Query<string>(sql));
}
