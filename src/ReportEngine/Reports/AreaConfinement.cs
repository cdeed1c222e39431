using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReportEngine.Reports;

/// <summary>
/// Confines a committee's report to its own area by construction, whatever its SQL says: the engine
/// computes the area itself (its own fixed SQL, <see cref="AreaSql"/>) and shadows each table that holds
/// an organisation's or a locality's data with a temporary view of the area's rows, named like the table,
/// so a query's plain "organizations" reads the area's organisations. Each engine then refuses any query
/// that reads around the views: SQLite with its authorizer (<see cref="SqliteAreaConfinement"/>),
/// PostgreSQL by inspecting the query's plan (<see cref="PostgresAreaConfinement"/>).
/// </summary>
internal abstract class AreaConfinement : IDisposable
{
    /// <summary>The tables whose rows belong to an area, each with the condition that keeps its area's rows.</summary>
    protected static readonly (string Table, string Filter)[] AreaTables =
    [
        ("organizations", "locality_id IN (SELECT id FROM {temp}.{localities})"),
        ("members", "organization_id IN (SELECT id FROM {temp}.{organizations})"),
        ("member_counts", "organization_id IN (SELECT id FROM {temp}.{organizations})"),
        ("activities", "locality_id IN (SELECT id FROM {temp}.{localities}) OR organization_id IN (SELECT id FROM {temp}.{organizations})"),
        ("targets", "locality_id IN (SELECT id FROM {temp}.{localities})"),
        ("eligible_populations", "locality_id IN (SELECT id FROM {temp}.{localities})"),
    ];

    protected AreaConfinement(string locality)
    {
        Locality = locality;
    }

    /// <summary>The committee's locality code.</summary>
    public string Locality { get; }

    /// <summary>A random suffix of this confinement's own tables and names, which no query can know in advance.</summary>
    protected string Suffix { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Why the last query was refused, when the engine knows better than its error.</summary>
    protected string? Refused { get; set; }

    protected string LocalitiesTable => "confined_locality_ids_" + Suffix;

    protected string OrganizationsTable => "confined_organization_ids_" + Suffix;

    /// <summary>Creates the area's tables and views on the connection; dispose to drop them (connections are pooled).</summary>
    public static AreaConfinement Enter(DbConnection connection, string locality, string asOf) => connection switch
    {
        SqliteConnection sqlite => SqliteAreaConfinement.Enter(sqlite, locality, asOf),
        NpgsqlConnection postgres => PostgresAreaConfinement.Enter(postgres, locality, asOf),
        _ => throw new ReportEngineException(
            $"A committee's report is confined to its area on SQLite and PostgreSQL only, not on {connection.GetType().Name}."),
    };

    /// <summary>Creates the area's tables and views; a confinement whose creation failed drops what it had made, and throws.</summary>
    protected static T Created<T>(T confinement, string asOf)
        where T : AreaConfinement
    {
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

    /// <summary>Creates the area's temporary tables of ids, and the views named like the area tables over them.</summary>
    protected abstract void Create(string asOf);

    /// <summary>Compiles a query inside the area without running it: a query that reads outside the area is refused here.</summary>
    /// <param name="parameters">The query's parameters (PostgreSQL plans with their values; SQLite needs none).</param>
    public abstract void Check(string template, string query, string sql, object? parameters = null);

    /// <summary>Right before a confined query runs: refuses it if it reads outside the area (where the engine cannot refuse it as it runs).</summary>
    public virtual void CheckBeforeRun(string template, string query, string sql, object? parameters, DbTransaction? transaction)
    {
    }

    /// <summary>Whether an error of a running query is the engine refusing it.</summary>
    public virtual bool IsRefusal(DbException error) => false;

    /// <summary>The error for a refused query, naming what it tried to read.</summary>
    public ReportEngineException Refusal(string template, string query, Exception? cause)
    {
        var message = $"Template \"{template}\", query \"{query}\": {Refused ?? cause?.Message}. A committee's report may read only its own area " +
            $"(the committee's locality {Locality}): localities, and organizations, members, member_counts, activities, targets and " +
            "eligible_populations by their plain names, which the engine narrows to the area; nothing else, and no schema-qualified names.";
        return cause is null ? new ReportEngineException(message) : new ReportEngineException(message, cause);
    }

    /// <summary>Holds the area's refusals on for the queries run until the result is disposed.</summary>
    public virtual IDisposable Enforce() => NothingToUndo.Instance;

    public abstract void Dispose();

    /// <summary>
    /// The area on as_of, walked down from the locality: through children, and through what merged into
    /// a locality once it has ended (the same walk as report_area, spelled here so no template file can widen it).
    /// </summary>
    protected static string AreaSql(string schema) => $"""
        WITH RECURSIVE area(id, steps) AS (
            SELECT id, 0 FROM {schema}.localities WHERE code = @locality
            UNION
            SELECT l.id, a.steps + 1
            FROM area a
            JOIN {schema}.localities l ON l.parent_id = a.id OR l.merged_into_id = a.id
            WHERE l.valid_from <= @asOf AND a.steps < 30
              AND ((l.parent_id = a.id AND (l.merged_into_id IS NULL OR l.valid_to IS NULL OR l.valid_to > @asOf))
                   OR (l.merged_into_id = a.id AND l.valid_to <= @asOf))
        )
        SELECT DISTINCT id FROM area
        """;

    /// <summary>An area table's filter, naming this confinement's tables in the temporary schema.</summary>
    protected string Condition(string filter, string temp) =>
        filter.Replace("{temp}", temp, StringComparison.Ordinal)
            .Replace("{localities}", LocalitiesTable, StringComparison.Ordinal)
            .Replace("{organizations}", OrganizationsTable, StringComparison.Ordinal);

    /// <summary>The secret name the area's rows of a table are read under.</summary>
    protected string ViewName(string table) => string.Create(CultureInfo.InvariantCulture, $"confined_{table}_{Suffix}");

    private sealed class NothingToUndo : IDisposable
    {
        public static readonly NothingToUndo Instance = new();

        public void Dispose()
        {
        }
    }
}
