using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Reports;

/// <summary>
/// Runs a template's named queries with Dapper. Parameters are always bound, never spliced
/// into the SQL; Dapper sends only the parameters a query's text names. A query that runs past
/// the time limit is stopped and reported, so one runaway query cannot hold a worker forever.
/// </summary>
public sealed class QueryExecutor(DbConnection connection, TimeSpan timeLimit)
{
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Execute(string name, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var arguments = new DynamicParameters();
        foreach (var (key, value) in parameters)
        {
            arguments.Add(key, value);
        }

        using var watchdog = new QueryWatchdog(connection, timeLimit);
        try
        {
            var command = new CommandDefinition(sql, arguments, commandTimeout: (int)Math.Ceiling(timeLimit.TotalSeconds), commandType: CommandType.Text);
            return connection.Query<dynamic>(command)
                .Cast<IDictionary<string, object?>>()
                .Select(row => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(row, StringComparer.Ordinal))
                .ToList();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            throw new ReportEngineException($"Query \"{name}\" ran longer than its time limit of {timeLimit.TotalSeconds:0.#} s and was stopped.", e);
        }
        catch (DbException e)
        {
            throw new ReportEngineException($"Query \"{name}\" failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// SQLite's own timeout only covers waiting for locks, so a query that runs too long is
    /// interrupted by hand; the lock makes sure a late timer never interrupts the next query.
    /// </summary>
    private sealed class QueryWatchdog : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Timer? _timer;
        private bool _finished;

        public QueryWatchdog(DbConnection connection, TimeSpan timeLimit)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                _timer = new Timer(_ => Interrupt(handle), null, timeLimit, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _finished = true;
            }

            _timer?.Dispose();
        }

        private void Interrupt(SQLitePCL.sqlite3 handle)
        {
            lock (_gate)
            {
                if (!_finished)
                {
                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }
            }
        }
    }
}
