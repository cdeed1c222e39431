using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;

namespace ReportEngine.Data.Migrations;

/// <summary>
/// Brings a database up to the schema this ReportEngine knows. Each migration runs once, in its
/// own transaction together with its schema_version row, so a failure leaves nothing half-made.
/// Written against DbConnection and portable SQL so PostgreSQL can use it as well; the scripts
/// themselves may still be dialect-specific.
/// </summary>
public static class MigrationRunner
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL,
            checksum    TEXT    NOT NULL
        )
        """;

    /// <summary>Applies the embedded migrations not yet applied; returns those it applied, in order.</summary>
    public static IReadOnlyList<Migration> Apply(DbConnection connection, TimeProvider? timeProvider = null) =>
        Apply(connection, EmbeddedMigrations.Load(connection is Npgsql.NpgsqlConnection ? EmbeddedMigrations.Postgres : null), timeProvider);

    /// <summary>Applies the given migrations not yet applied; returns those it applied, in order.</summary>
    public static IReadOnlyList<Migration> Apply(DbConnection connection, IEnumerable<Migration> migrations, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        var known = EmbeddedMigrations.Ordered(migrations);
        var clock = timeProvider ?? TimeProvider.System;
        if (connection.State != ConnectionState.Open)
        {
            connection.Open();
        }

        connection.Execute(CreateVersionTable);
        var applied = connection
            .Query<(long Version, string Name, string Checksum)>("SELECT version, name, checksum FROM schema_version ORDER BY version")
            .ToDictionary(row => (int)row.Version);
        Verify(connection, known, applied);

        var newlyApplied = new List<Migration>();
        foreach (var migration in known.Where(m => !applied.ContainsKey(m.Version)))
        {
            if (ApplyOne(connection, migration, clock))
            {
                newlyApplied.Add(migration);
            }
        }

        return newlyApplied;
    }

    private static void Verify(DbConnection connection, IReadOnlyList<Migration> known, Dictionary<int, (long Version, string Name, string Checksum)> applied)
    {
        var knownVersion = known.Count == 0 ? 0 : known[^1].Version;
        var databaseVersion = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (databaseVersion > knownVersion)
        {
            throw new SchemaVersionException(DescribeDatabase(connection), databaseVersion, knownVersion);
        }

        foreach (var migration in known)
        {
            if (applied.TryGetValue(migration.Version, out var row) && !string.Equals(row.Checksum, migration.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationException(
                    $"Migration {migration.FullName} was applied to the database at {DescribeDatabase(connection)} with checksum {row.Checksum}, "
                    + $"but this ReportEngine's script has checksum {migration.Checksum}. An applied migration must never be edited: "
                    + "restore its script and put the change in a new migration.");
            }
        }
    }

    /// <returns>false when another process applied it between our look and our transaction (two workers starting at once).</returns>
    private static bool ApplyOne(DbConnection connection, Migration migration, TimeProvider clock)
    {
        // SQLite's transactions here are BEGIN IMMEDIATE: the check below and the script are one writer's.
        using var transaction = connection.BeginTransaction();
        try
        {
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { migration.Version }, transaction) > 0)
            {
                transaction.Rollback();
                return false;
            }

            // No parameters here: Microsoft.Data.Sqlite and Npgsql both run a multi-statement script then.
            connection.Execute(migration.Script, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (@Version, @Name, @AppliedAt, @Checksum)",
                new
                {
                    migration.Version,
                    migration.Name,
                    AppliedAt = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    migration.Checksum,
                },
                transaction);
            transaction.Commit();
            return true;
        }
        catch (DbException ex)
        {
            transaction.Rollback();
            throw new MigrationException(
                $"Migration {migration.FullName} failed on the database at {DescribeDatabase(connection)} and was rolled back: {ex.Message}", ex);
        }
    }

    /// <summary>A SQLite file's path; a server's address and database name ("tcp://host:5432/reports").</summary>
    private static string DescribeDatabase(DbConnection connection) =>
        connection.DataSource.Contains("://", StringComparison.Ordinal) ? $"{connection.DataSource}/{connection.Database}" : connection.DataSource;
}
