using System.Data.Common;
using Npgsql;

namespace ReportEngine.Data;

/// <summary>The organisations database on PostgreSQL, the scale-out path.</summary>
public static class PostgresDatabase
{
    /// <summary>A PostgreSQL setting is a key=value connection string naming a Host.</summary>
    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            connection.Dispose();
            throw new ReportEngineException($"Cannot open the PostgreSQL database ({DatabaseLocation.Describe(connectionString)}): {e.Message}", e);
        }
    }

    /// <summary>
    /// Every transaction on the connection is read-only from here on: a report's query that tries
    /// to write fails in the server, whatever its SQL says.
    /// </summary>
    public static DbConnection MakeReadOnly(NpgsqlConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
        command.ExecuteNonQuery();
        return connection;
    }
}
