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
internal sealed class AreaConfinement : IDisposable
{
    /// <summary>The tables whose rows belong to an area, each with the condition that keeps its area's rows.</summary>
    private static readonly (string Table, string Filter)[] AreaTables =
    [
        ("organizations", "locality_id IN (SELECT id FROM temp.{localities})"),
        ("members", "organization_id IN (SELECT id FROM temp.{organizations})"),
        ("member_counts", "organization_id IN (SELECT id FROM temp.{organizations})"),
        ("activities", "locality_id IN (SELECT id FROM temp.{localities}) OR organization_id IN (SELECT id FROM temp.{organizations})"),
        ("targets", "locality_id IN (SELECT id FROM temp.{localities})"),
        ("eligible_populations", "locality_id IN (SELECT id FROM temp.{localities})"),
    ];

    /// <summary>Tables every committee's report may read whole.</summary>
    private static readonly HashSet<string> OpenTables = new(StringComparer.OrdinalIgnoreCase) { "localities" };

    /// <summary>
    /// The area on as_of, walked down from the locality: through children, and through what merged into
    /// a locality once it has ended (the same walk as report_area, spelled here so no template file can widen it).
    /// </summary>
    private const string AreaSql = """
        WITH RECURSIVE area(id, steps) AS (
            SELECT id, 0 FROM main.localities WHERE code = @locality
            UNION
            SELECT l.id, a.steps + 1
            FROM area a
            JOIN main.localities l ON l.parent_id = a.id OR l.merged_into_id = a.id
            WHERE l.valid_from <= @asOf AND a.steps < 30
              AND ((l.parent_id = a.id AND (l.merged_into_id IS NULL OR l.valid_to IS NULL OR l.valid_to > @asOf))
                   OR (l.merged_into_id = a.id AND l.valid_to <= @asOf))
        )
        SELECT DISTINCT id FROM area
        """;

    private readonly SqliteConnection _connection;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly HashSet<string> _views = new(StringComparer.OrdinalIgnoreCase);
    private string? _refused;

    private AreaConfinement(SqliteConnection connection, string locality)
    {
        _connection = connection;
        Locality = locality;
    }

    /// <summary>The committee's locality code.</summary>
    public string Locality { get; }

    private string LocalitiesTable => "confined_locality_ids_" + _suffix;

    private string OrganizationsTable => "confined_organization_ids_" + _suffix;

    /// <summary>Creates the area's tables and views on the connection; dispose to drop them (connections are pooled).</summary>
    public static AreaConfinement Enter(DbConnection connection, string locality, string asOf)
    {
        if (connection is not SqliteConnection sqlite)
        {
            throw new ReportEngineException(
                "A committee's report is confined to its area on SQLite only: a burst needs ConnectionStrings:Reports to name a SQLite file in this version.");
        }

        var confinement = new AreaConfinement(sqlite, locality);
        try
        {
            confinement.Create(asOf);
            return confinement;
        }
        catch
        {
            confinement.Dispose();
            throw;
        }
    }

    /// <summary>Compiles a query with the authorizer on, without running it: a query that reads outside the area is refused here.</summary>
    public void Check(string template, string query, string sql)
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

    /// <summary>The error for a query the authorizer refused, naming what it tried to read.</summary>
    public ReportEngineException Refusal(string template, string query, Exception cause) =>
        new($"Template \"{template}\", query \"{query}\": {_refused ?? cause.Message}. A committee's report may read only its own area " +
            $"(the committee's locality {Locality}): localities, and organizations, members, member_counts, activities, targets and " +
            "eligible_populations by their plain names, which the engine narrows to the area; nothing else, and no schema-qualified names.", cause);

    /// <summary>Turns the authorizer on until the result is disposed.</summary>
    public IDisposable Enforce()
    {
        _refused = null;
        raw.sqlite3_set_authorizer(_connection.Handle, new strdelegate_authorizer(Authorize), null);
        return new Enforcement(this);
    }

    public void Dispose()
    {
        raw.sqlite3_set_authorizer(_connection.Handle, (strdelegate_authorizer?)null, null);
        var drops = _views.Select(v => $"DROP VIEW IF EXISTS temp.\"{v}\";")
            .Append($"DROP TABLE IF EXISTS temp.{OrganizationsTable}; DROP TABLE IF EXISTS temp.{LocalitiesTable};");
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            _connection.Execute(string.Concat(drops));
        }
    }

    private void Create(string asOf)
    {
        _connection.Execute($"CREATE TEMP TABLE {LocalitiesTable} (id INTEGER PRIMARY KEY)");
        _connection.Execute($"INSERT INTO temp.{LocalitiesTable} (id) {AreaSql}", new { locality = Locality, asOf });
        if (_connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM temp.{LocalitiesTable}") == 0)
        {
            throw new ReportEngineException($"There is no locality with the code \"{Locality}\": a committee's report cannot be confined to its area.");
        }

        _connection.Execute($"CREATE TEMP TABLE {OrganizationsTable} (id INTEGER PRIMARY KEY)");
        _connection.Execute($"INSERT INTO temp.{OrganizationsTable} (id) SELECT id FROM main.organizations WHERE locality_id IN (SELECT id FROM temp.{LocalitiesTable})");
        foreach (var (table, filter) in AreaTables)
        {
            var condition = filter.Replace("{localities}", LocalitiesTable, StringComparison.Ordinal)
                .Replace("{organizations}", OrganizationsTable, StringComparison.Ordinal);
            var narrowed = ViewName(table);
            _views.Add(narrowed);
            _views.Add(table);
            _connection.Execute($"CREATE TEMP VIEW \"{narrowed}\" AS SELECT * FROM main.\"{table}\" WHERE {condition}");
            _connection.Execute($"CREATE TEMP VIEW \"{table}\" AS SELECT * FROM temp.\"{narrowed}\"");
        }
    }

    private string ViewName(string table) => string.Create(CultureInfo.InvariantCulture, $"confined_{table}_{_suffix}");

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

                _refused ??= $"it reads {schema}.{table} outside the engine's view of the area";
                return raw.SQLITE_DENY;
            default:
                _refused ??= string.Create(CultureInfo.InvariantCulture, $"it does something other than read (SQLite action {action})");
                return raw.SQLITE_DENY;
        }
    }

    private sealed class Enforcement(AreaConfinement confinement) : IDisposable
    {
        public void Dispose() => raw.sqlite3_set_authorizer(confinement._connection.Handle, (strdelegate_authorizer?)null, null);
    }
}
