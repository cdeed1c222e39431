using System.Data.Common;
using Dapper;
using Npgsql;

namespace ReportEngine.Data;

/// <summary>
/// The connection a report's queries run on in PostgreSQL: it logs in as a role of its own that may
/// only SELECT (ConnectionStrings:ReportsReader, made by `db reader-role`). A session setting cannot
/// be trusted for this, because the template's SQL runs in that session and can set it back
/// (`SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE`, `SET TRANSACTION READ WRITE`, `RESET ROLE`);
/// the grants of the role it logged in as, it cannot change.
/// </summary>
public static class PostgresReader
{
    public const string SettingKey = "ConnectionStrings:ReportsReader";

    public const string MakeOne = "db reader-role --name reportengine_reader --password-file FILE";

    public static DbConnection Open(string ownerConnectionString, string? readerConnectionString)
    {
        if (string.IsNullOrWhiteSpace(readerConnectionString))
        {
            throw new ReportEngineException(
                $"Reports from {DatabaseLocation.Describe(ownerConnectionString)} read through a role that may only SELECT, so a " +
                $"template's SQL cannot change the data, and the setting {SettingKey} naming it is empty. Make the role with " +
                $"`{MakeOne}` (run with the owner's connection) and set {SettingKey} to the connection string it prints, with the password (see README, PostgreSQL).");
        }

        RequireSameDatabase(ownerConnectionString, readerConnectionString);
        var connection = PostgresDatabase.Open(readerConnectionString);
        try
        {
            var role = connection.ExecuteScalar<string>("SELECT session_user")!;
            var problems = PostgresWriteAccess.Of(connection, role);
            if (problems.Count > 0)
            {
                throw new ReportEngineException(
                    $"The setting {SettingKey} logs in as \"{role}\", a role that can change the data ({PostgresWriteAccess.Describe(problems)}), " +
                    $"so a template's SQL could write. Reports need a role that may only SELECT: make one with `{MakeOne}` and point {SettingKey} at it.");
            }

            // A second fence, not the guarantee (the role is): a plain write fails as read-only first.
            return PostgresDatabase.MakeReadOnly(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Migrations run on the owner's database and reports read the reader's: they must be the same one.</summary>
    private static void RequireSameDatabase(string ownerConnectionString, string readerConnectionString)
    {
        if (!PostgresDatabase.IsPostgres(readerConnectionString))
        {
            throw new ReportEngineException($"The setting {SettingKey} must be a PostgreSQL connection string (Host=...;Database=...;Username=...).");
        }

        NpgsqlConnectionStringBuilder owner, reader;
        try
        {
            owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
            reader = new NpgsqlConnectionStringBuilder(readerConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ReportEngineException($"The setting {SettingKey} cannot be read as a connection string: {e.Message}", e);
        }

        if (!string.Equals(owner.Host, reader.Host, StringComparison.OrdinalIgnoreCase) || owner.Port != reader.Port
            || !string.Equals(owner.Database, reader.Database, StringComparison.Ordinal))
        {
            throw new ReportEngineException(
                $"The setting {SettingKey} names {DatabaseLocation.Describe(readerConnectionString)}, but the reports database is " +
                $"{DatabaseLocation.Describe(ownerConnectionString)}: both must name the same server and database.");
        }
    }
}
