using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ReportEngine.Reports;

/// <summary>
/// Confines a committee's report to its own area by construction, whatever its SQL says. On the
/// report's SQLite connection the engine computes the area itself (its own fixed SQL: every locality
/// whose unit on as_of is the committee's locality or below it, the walk of templates/_shared/report_area.sql,
/// which a template may edit and so cannot be trusted here) and shadows each table that holds an
/// organisation's or a locality's data with a TEMP view of the area's rows only: an unqualified
/// "organizations" in any query, shared or not, reads temp.organizations. SQLite's authorizer, which
/// sees every table a statement reads when it is compiled, then refuses anything else: a data table
/// read other than through the engine's view (main.organizations, or a CTE named like the view: the
/// views' real names carry a random suffix no query can know), any other table (committees, runs,
/// sqlite_schema...), pragmas, ATTACH and every statement that is not a SELECT. The map of localities
/// stays readable whole: names and the unit tree are public, and reports name the unit above theirs.
/// </summary>
internal sealed class SqliteAreaConfinement : AreaConfinement
{
    /// <summary>Tables every committee's report may read whole.</summary>
    private static readonly HashSet<string> OpenTables = new(StringComparer.OrdinalIgnoreCase) { "localities" };

    private readonly SqliteConnection _connection;
    private readonly HashSet<string> _views = new(StringComparer.OrdinalIgnoreCase);

    private SqliteAreaConfinement(SqliteConnection connection, string locality)
        : base(locality)
    {
        _connection = connection;
    }

    /// <summary>Creates the area's tables and views on the connection; dispose to drop them (connections are pooled).</summary>
    public static SqliteAreaConfinement Enter(SqliteConnection sqlite, string locality, string asOf) => Created(new SqliteAreaConfinement(sqlite, locality), asOf);

    /// <summary>Compiles a query with the authorizer on, without running it: a query that reads outside the area is refused here.</summary>
    public override void Check(string template, string query, string sql, object? parameters = null)
    {
        using var enforced = Enforce();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            command.Prepare();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_AUTH)
        {
            throw Refusal(template, query, e);
        }
    }

    /// <summary>The authorizer refused the statement as it was compiled.</summary>
    public override bool IsRefusal(DbException error) => error is SqliteException { SqliteErrorCode: raw.SQLITE_AUTH };

    /// <summary>Turns the authorizer on until the result is disposed.</summary>
    public override IDisposable Enforce()
    {
        Refused = null;
        raw.sqlite3_set_authorizer(_connection.Handle, new strdelegate_authorizer(Authorize), null);
        return new Enforcement(this);
    }

    public override void Dispose()
    {
        raw.sqlite3_set_authorizer(_connection.Handle, (strdelegate_authorizer?)null, null);
        var drops = _views.Select(v => $"DROP VIEW IF EXISTS temp.\"{v}\";")
            .Append($"DROP TABLE IF EXISTS temp.{OrganizationsTable}; DROP TABLE IF EXISTS temp.{LocalitiesTable};");
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            _connection.Execute(string.Concat(drops));
        }
    }

    protected override void Create(string asOf)
    {
        _connection.Execute($"CREATE TEMP TABLE {LocalitiesTable} (id INTEGER PRIMARY KEY)");
        _connection.Execute($"INSERT INTO temp.{LocalitiesTable} (id) {AreaSql("main")}", new { locality = Locality, asOf });
        if (_connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM temp.{LocalitiesTable}") == 0)
        {
            throw new ReportEngineException($"There is no locality with the code \"{Locality}\": a committee's report cannot be confined to its area.");
        }

        _connection.Execute($"CREATE TEMP TABLE {OrganizationsTable} (id INTEGER PRIMARY KEY)");
        _connection.Execute($"INSERT INTO temp.{OrganizationsTable} (id) SELECT id FROM main.organizations WHERE locality_id IN (SELECT id FROM temp.{LocalitiesTable})");
        foreach (var (table, filter) in AreaTables)
        {
            var condition = Condition(filter, "temp");
            var narrowed = ViewName(table);
            _views.Add(narrowed);
            _views.Add(table);
            _connection.Execute($"CREATE TEMP VIEW \"{narrowed}\" AS SELECT * FROM main.\"{table}\" WHERE {condition}");
            _connection.Execute($"CREATE TEMP VIEW \"{table}\" AS SELECT * FROM temp.\"{narrowed}\"");
        }
    }

    /// <summary>Runs when a statement is compiled: what it may do and read, everything else refused.</summary>
    private int Authorize(object userData, int action, string? first, string? second, string? database, string? innermostView)
    {
        switch (action)
        {
            case raw.SQLITE_SELECT or raw.SQLITE_FUNCTION or raw.SQLITE_RECURSIVE:
                return raw.SQLITE_OK;
            case raw.SQLITE_READ:
                var table = first ?? "";
                var schema = database ?? "";
                if (schema == "temp" || (schema == "main" && OpenTables.Contains(table)))
                {
                    return raw.SQLITE_OK;
                }

                if (schema == "main" && innermostView is { } view && view == ViewName(table) && _views.Contains(view))
                {
                    return raw.SQLITE_OK;
                }

                Refused ??= $"it reads {schema}.{table} outside the engine's view of the area";
                return raw.SQLITE_DENY;
            default:
                Refused ??= string.Create(CultureInfo.InvariantCulture, $"it does something other than read (SQLite action {action})");
                return raw.SQLITE_DENY;
        }
    }

    private sealed class Enforcement(SqliteAreaConfinement confinement) : IDisposable
    {
        public void Dispose() => raw.sqlite3_set_authorizer(confinement._connection.Handle, (strdelegate_authorizer?)null, null);
    }
}
