using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data;

/// <summary>`db init`: an empty organisations database with the current schema, never over data.</summary>
public static class DatabaseInit
{
    /// <returns>What was made: "an empty organisations database (schema version 4) at /srv/reports.db".</returns>
    public static string Create(string connectionString, TimeProvider clock)
    {
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            using var pg = PostgresDatabase.Open(connectionString);
            Refuse(OrganizationsDatabase.DescribeData(pg), $"{pg.Host}:{pg.Port}/{pg.Database}");
            MigrationRunner.Apply(pg, clock);
            return $"an empty organisations database (schema version {Version(pg)}) in PostgreSQL at {pg.Host}:{pg.Port}/{pg.Database}";
        }

        var file = ReportsDatabase.SqliteFile(connectionString);
        if (File.Exists(file) && new FileInfo(file).Length > 0)
        {
            OrganizationsDatabase.RequireSqliteFile(file);
            using var existing = SqliteDatabase.Open(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), readOnly: true);
            Refuse(OrganizationsDatabase.DescribeData(existing), file);
        }

        // Unpooled, so the file is complete and released when the command ends.
        using var connection = SqliteDatabase.Open(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        MigrationRunner.Apply(connection, clock);
        return $"an empty organisations database (schema version {Version(connection)}) at {file}";
    }

    private static void Refuse(string? data, string where)
    {
        if (data is not null)
        {
            throw new ReportEngineException($"{where} already holds data ({data}); `db init` only creates an empty database and changes nothing here. " +
                "Load data into it with `import`, or choose another --db.");
        }
    }

    private static string Version(System.Data.Common.DbConnection connection) =>
        connection.ExecuteScalar<long>("SELECT MAX(version) FROM schema_version").ToString(CultureInfo.InvariantCulture);
}
