using System.Data.Common;
using Microsoft.Data.Sqlite;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data;

/// <summary>
/// Opens the database named by ConnectionStrings:Reports (or --db): brings its schema up to date,
/// then hands out a read-only connection for a report's queries.
/// </summary>
public static class ReportsDatabase
{
    public static DbConnection OpenForReports(string connectionString)
    {
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            var connection = PostgresDatabase.Open(connectionString);
            MigrationRunner.Apply(connection);
            return PostgresDatabase.MakeReadOnly(connection);
        }

        // Missing, empty or not SQLite: say so, and never create or take over the file.
        OrganizationsDatabase.RequireSqliteFile(SqliteFile(connectionString));

        using (var writable = SqliteDatabase.Open(connectionString))
        {
            MigrationRunner.Apply(writable);
        }

        return SqliteDatabase.Open(connectionString, readOnly: true);
    }

    /// <summary>The file a SQLite setting names; the setting may be a bare path or a connection string.</summary>
    public static string SqliteFile(string connectionString)
    {
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            throw new ReportEngineException(
                "ConnectionStrings:Reports names a PostgreSQL server: reports render from it, but run records, the job store " +
                "and the outbox still live in a SQLite file in this version. Use a SQLite file (see README, PostgreSQL).");
        }

        var source = connectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : connectionString;
        return Path.GetFullPath(source);
    }
}
