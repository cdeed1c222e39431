using System.Data.Common;
using Microsoft.Data.Sqlite;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data;

/// <summary>
/// Opens the database named by ConnectionStrings:Reports (or --db): brings its schema up to date,
/// then hands out a read-only connection for a report's queries. On PostgreSQL that connection logs
/// in as the reader role (ConnectionStrings:ReportsReader), which the server itself keeps from writing.
/// </summary>
public static class ReportsDatabase
{
    /// <param name="connectionString">The owner's connection: migrations run through it.</param>
    /// <param name="readerConnectionString">PostgreSQL only: the SELECT-only role reports read through.</param>
    public static DbConnection OpenForReports(string connectionString, string? readerConnectionString = null)
    {
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            using (var owner = PostgresDatabase.Open(connectionString))
            {
                MigrationRunner.Apply(owner);
            }

            return PostgresReader.Open(connectionString, readerConnectionString);
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
            // Only what needs a file reaches here (the source of `db copy`, the demo): the worker's state lives in PostgreSQL too.
            throw new ReportEngineException(
                $"ConnectionStrings:Reports (or --db) names a PostgreSQL server ({DatabaseLocation.Describe(connectionString)}), where this needs a SQLite file.");
        }

        var source = connectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : connectionString;
        return Path.GetFullPath(source);
    }
}
