using Dapper;

namespace ReportEngine.Data;

/// <summary>
/// Which database this is, in words that stay the same for every worker that connects to it, however
/// each one spells its connection string: on PostgreSQL the server cluster's system identifier (made
/// by initdb, unique per cluster) and the database's name; on SQLite the file's full path.
/// </summary>
public static class DatabaseIdentity
{
    public static string Of(string connectionString)
    {
        if (!StateDatabase.IsPostgres(connectionString))
        {
            return "SQLite file " + ReportsDatabase.SqliteFile(connectionString);
        }

        using var connection = PostgresDatabase.Open(connectionString);
        // pg_control_system() is readable by any role (no superuser needed); the identifier is a bigint, read as text.
        var (system, database) = connection.QuerySingle<(string, string)>(
            "SELECT system_identifier::text, current_database() FROM pg_control_system()");
        return $"PostgreSQL system {system}, database {database}";
    }
}
