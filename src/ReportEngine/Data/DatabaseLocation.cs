using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReportEngine.Data;

/// <summary>
/// A database as messages and logs name it: the SQLite file, or the PostgreSQL server, port, database
/// and user. Never the connection string itself, which may carry a password.
/// </summary>
public static class DatabaseLocation
{
    public static string Describe(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        try
        {
            if (PostgresDatabase.IsPostgres(connectionString))
            {
                var pg = new NpgsqlConnectionStringBuilder(connectionString);
                return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}" + (pg.Username is { Length: > 0 } user ? $" as {user}" : "");
            }

            var source = connectionString.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connectionString).DataSource
                : connectionString;
            return Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            // A setting that does not even parse: saying so is safe, echoing it is not.
            return "(a connection string that cannot be read)";
        }
    }
}
