using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Reports;

/// <summary>
/// Runs a template's named queries with Dapper. Parameters are always bound, never spliced
/// into the SQL; Dapper sends only the parameters a query's text names. A query that runs past
/// the time limit is stopped and reported, so one runaway query cannot hold a worker forever. Rows are
/// read one at a time (Dapper unbuffered) and counted as they come: a query returning more than the
/// row limit fails when the limit is passed, before the rest is read into memory.
/// </summary>
public sealed class QueryExecutor(DbConnection connection, TimeSpan timeLimit, int maxRows = QueryExecutor.DefaultMaxRows, DbTransaction? transaction = null)
{
    /// <summary>The default of Reports:MaxQueryRows.</summary>
    public const int DefaultMaxRows = Configuration.ReportsOptions.DefaultMaxQueryRows;

    /// <summary>The template the queries belong to, for messages.</summary>
    public string? Template { get; init; }

    /// <summary>When set, the run is confined to an area: each query is checked against it (and refused by it) as it runs.</summary>
    internal AreaConfinement? Confinement { get; init; }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Execute(string name, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var of = Template is null ? "" : $" of template \"{Template}\"";
        var arguments = new DynamicParameters();
        foreach (var (key, value) in parameters)
        {
            arguments.Add(key, value);
        }

        Confinement?.CheckBeforeRun(Template ?? "", name, sql, arguments, transaction);
        using var watchdog = new QueryWatchdog(connection, timeLimit);
        try
        {
            var command = new CommandDefinition(sql, arguments, transaction, (int)Math.Ceiling(timeLimit.TotalSeconds), CommandType.Text, CommandFlags.None);
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            foreach (IDictionary<string, object?> row in connection.Query<dynamic>(command))
            {
                if (rows.Count == maxRows)
                {
                    throw new ReportEngineException(string.Create(CultureInfo.InvariantCulture,
                        $"Query \"{name}\"{of} returned more than {maxRows} rows, the limit set by Reports:MaxQueryRows; narrow the query (or raise the setting)."));
                }

                rows.Add(new Dictionary<string, object?>(row, StringComparer.Ordinal));
            }

            return rows;
        }
        catch (DbException e) when (Confinement is not null && Confinement.IsRefusal(e))
        {
            throw Confinement.Refusal(Template ?? "", name, e);
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
