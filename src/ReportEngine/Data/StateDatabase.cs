using System.Data.Common;

namespace ReportEngine.Data;

/// <summary>
/// Connections for the worker's own state (runs, bursts, the outbox, workers, accounts, the audit log):
/// the SQLite file or the PostgreSQL server ConnectionStrings:Reports names. Both hold the same tables
/// (one migration history); statements written for both use only what both engines understand.
/// </summary>
public static class StateDatabase
{
    public static bool IsPostgres(string connectionString) => PostgresDatabase.IsPostgres(connectionString);

    /// <param name="readOnly">SQLite only: opens the file read-only (a PostgreSQL connection is the owner's either way).</param>
    public static DbConnection Open(string connectionString, bool readOnly = false) =>
        IsPostgres(connectionString)
            ? PostgresDatabase.Open(connectionString)
            : SqliteDatabase.Open(connectionString, readOnly);

}
