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
        var file = SqliteFile(connectionString);
        if (!File.Exists(file))
        {
            throw new ReportEngineException(
                $"There is no database at {file}. Create the demo one with `demo --out DIR --db {file}`, " +
                "or point the setting ConnectionStrings:Reports (or --db) at your organisations database.");
        }

        using (var writable = SqliteDatabase.Open(connectionString))
        {
            MigrationRunner.Apply(writable);
        }

        return SqliteDatabase.Open(connectionString, readOnly: true);
    }

    /// <summary>The file a SQLite setting names; the setting may be a bare path or a connection string.</summary>
    public static string SqliteFile(string connectionString)
    {
        if (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new ReportEngineException(
                "ConnectionStrings:Reports names a PostgreSQL server; this version renders reports from SQLite only " +
                "(PostgreSQL arrives with the scale-out work). Use a SQLite file.");
        }

        var source = connectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : connectionString;
        return Path.GetFullPath(source);
    }
}
