using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Reports;

/// <summary>
/// One read transaction over all of a run's queries, so a report never mixes data from before and
/// after an import that commits while it runs. SQLite: BEGIN DEFERRED, whose snapshot starts at the
/// first read and holds until the end (WAL lets writers commit meanwhile without touching it).
/// PostgreSQL: REPEATABLE READ, READ ONLY.
/// </summary>
internal static class ReadSnapshot
{
    public static DbTransaction Begin(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: true);
        }

        var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET TRANSACTION READ ONLY";
        command.ExecuteNonQuery();
        return transaction;
    }
}
