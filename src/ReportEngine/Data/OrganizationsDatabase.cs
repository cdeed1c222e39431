using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data;

/// <summary>
/// The organisations database as verbs that change it see it (import, db init): a SQLite file or
/// a PostgreSQL database, opened writable and brought up to the current schema. Only `db init`
/// (and `demo`) may create one; every other verb finds it or says it is missing.
/// </summary>
public static class OrganizationsDatabase
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Opens an existing database, migrated; a missing, empty or foreign file is an error and is left as it was.</summary>
    public static DbConnection OpenExisting(string connectionString)
    {
        if (PostgresDatabase.IsPostgres(connectionString))
        {
            var pg = PostgresDatabase.Open(connectionString);
            MigrationRunner.Apply(pg);
            return pg;
        }

        var file = ReportsDatabase.SqliteFile(connectionString);
        RequireSqliteFile(file);
        var connection = SqliteDatabase.Open(connectionString);
        MigrationRunner.Apply(connection);
        return connection;
    }

    /// <summary>The file exists and is a SQLite database: never created or taken over by a verb that only expects one.</summary>
    public static void RequireSqliteFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new ReportEngineException(
                $"There is no database at {file}. Create an empty one with `db init --db {file}` (or the demo with `demo --out DIR --db {file}`), " +
                "or point the setting ConnectionStrings:Reports (or --db) at your organisations database.");
        }

        var header = new byte[SqliteHeader.Length];
        int read;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            throw new ReportEngineException($"{file} is empty (0 bytes), not an organisations database. Create one with `db init --db {file}`.");
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new ReportEngineException($"{file} is not a SQLite database. Point --db at your organisations database, or create one with `db init`.");
        }
    }

    /// <summary>What the data tables hold, for refusing to initialise over them: "1,392 organizations, 15 localities".</summary>
    public static string? DescribeData(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var found = new List<string>();
        foreach (var table in new[] { "localities", "organizations", "members", "member_counts", "activities", "targets", "eligible_populations", "committees", "imports" })
        {
            if (!TableExists(connection, table))
            {
                continue;
            }

            using var command = connection.CreateCommand();
            // Table names come from the fixed list above.
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            var count = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (count > 0)
            {
                found.Add($"{count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {table.Replace('_', ' ')}");
            }
        }

        return found.Count == 0 ? null : string.Join(", ", found);
    }

    private static bool TableExists(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = connection is SqliteConnection
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@name";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
