using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace ReportEngine.Reports;

/// <summary>
/// A committee's report confined to its area on PostgreSQL. The reader role's session gets temporary
/// tables of the area's locality and organisation ids and, for each area table, a TEMP view named like
/// the table (pg_temp is searched first, so a plain "organizations" reads the view) selecting the area's
/// rows from public.&lt;table&gt; under a secret alias (confined_&lt;table&gt;_&lt;random&gt;). PostgreSQL has no
/// authorizer, so every query is planned first (EXPLAIN VERBOSE, which shows each relation a query reads
/// with its schema and alias, views expanded) and refused unless each relation is an area table read
/// under its secret alias (that is, through the engine's view: a query's text, fixed before the alias is
/// drawn, cannot name it), public.localities (open to all) or the engine's own temporary tables. Refused
/// too: a query that is not one SELECT, one that changes data, and calls of functions that run SQL of
/// their own (query_to_xml...) or change the session (set_config...), which a plan cannot see through.
/// The check runs when a burst is prepared and again right before each query runs, in the session's
/// state of that moment, so a query that changed the session (search_path) cannot slip the next one past.
/// </summary>
internal sealed partial class PostgresAreaConfinement : AreaConfinement
{
    /// <summary>Tables every committee's report may read whole.</summary>
    private const string OpenTable = "localities";

    /// <summary>The schema the data lives in.</summary>
    private const string Data = "public";

    /// <summary>
    /// Functions that read what a plan does not show (they run SQL text, read files or whole tables' statistics),
    /// or that act beyond the query (session settings, locks, signals, sequences, large objects); by name or prefix.
    /// </summary>
    private static readonly string[] RefusedFunctions =
    [
        "set_config", "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "table_to_xml", "table_to_xmlschema",
        "table_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema", "schema_to_xml", "schema_to_xmlschema",
        "schema_to_xml_and_xmlschema", "database_to_xml", "database_to_xmlschema", "database_to_xml_and_xmlschema", "ts_stat", "ts_rewrite",
        "nextval", "setval", "currval", "lastval", "pg_notify", "pg_reload_conf", "pg_rotate_logfile", "pg_promote", "loread", "lowrite",
    ];

    private static readonly string[] RefusedPrefixes =
    [
        "dblink", "lo_", "pg_read_", "pg_ls_", "pg_stat_file", "pg_file_", "pg_advisory", "pg_try_advisory", "pg_terminate_",
        "pg_cancel_", "pg_switch_", "pg_create_", "pg_drop_", "pg_replication_", "pg_logical_", "pg_log_", "pg_import_",
        // Statistics and sizes of whole tables (a count of all members is not the area's).
        "pg_stat", "pg_relation_size", "pg_total_relation_size", "pg_table_size", "pg_indexes_size", "pg_database_size",
    ];

    private static readonly HashSet<string> Statements = new(StringComparer.OrdinalIgnoreCase) { "select", "with", "values", "table" };

    private readonly NpgsqlConnection _connection;
    private readonly List<string> _drops = [];

    private PostgresAreaConfinement(NpgsqlConnection connection, string locality)
        : base(locality)
    {
        _connection = connection;
    }

    /// <summary>Creates the area's tables and views in the session; dispose to drop them (connections are pooled).</summary>
    public static PostgresAreaConfinement Enter(NpgsqlConnection connection, string locality, string asOf) => Created(new PostgresAreaConfinement(connection, locality), asOf);

    public override void Check(string template, string query, string sql, object? parameters = null)
    {
        // Planned in a transaction of its own, rolled back: nothing the check touches outlives it.
        using var transaction = _connection.BeginTransaction();
        Inspect(template, query, sql, parameters, transaction);
        transaction.Rollback();
    }

    public override void CheckBeforeRun(string template, string query, string sql, object? parameters, DbTransaction? transaction) =>
        Inspect(template, query, sql, parameters, transaction);

    public override void Dispose()
    {
        if (_drops.Count == 0 || _connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            ReadWrite(string.Concat(Enumerable.Reverse(_drops)));
            _drops.Clear();
        }
        catch (NpgsqlException)
        {
            // A broken session: the pool's reset on return (DISCARD ALL) drops the temporary objects.
        }
    }

    protected override void Create(string asOf)
    {
        // The reader's session is read-only, and PostgreSQL creates no object, temporary or not, in a read-only transaction.
        using var transaction = _connection.BeginTransaction();
        _connection.Execute("SET TRANSACTION READ WRITE", transaction: transaction);
        _connection.Execute($"CREATE TEMP TABLE {LocalitiesTable} (id BIGINT PRIMARY KEY)", transaction: transaction);
        _drops.Add($"DROP TABLE IF EXISTS pg_temp.{LocalitiesTable};");
        _connection.Execute($"INSERT INTO pg_temp.{LocalitiesTable} (id) {AreaSql(Data)}", new { locality = Locality, asOf }, transaction);
        if (_connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM pg_temp.{LocalitiesTable}", transaction: transaction) == 0)
        {
            throw new ReportEngineException($"There is no locality with the code \"{Locality}\": a committee's report cannot be confined to its area.");
        }

        _connection.Execute($"CREATE TEMP TABLE {OrganizationsTable} (id BIGINT PRIMARY KEY)", transaction: transaction);
        _drops.Add($"DROP TABLE IF EXISTS pg_temp.{OrganizationsTable};");
        _connection.Execute(
            $"INSERT INTO pg_temp.{OrganizationsTable} (id) SELECT id FROM {Data}.organizations WHERE locality_id IN (SELECT id FROM pg_temp.{LocalitiesTable})",
            transaction: transaction);
        // Temporary tables get no statistics by themselves: without them a commune's few organisations look like
        // thousands, and the planner scans all members instead of using the organisation index.
        _connection.Execute($"ANALYZE pg_temp.{LocalitiesTable}; ANALYZE pg_temp.{OrganizationsTable}", transaction: transaction);
        foreach (var (table, filter) in AreaTables)
        {
            _connection.Execute(
                $"DROP VIEW IF EXISTS pg_temp.\"{table}\"; CREATE TEMP VIEW \"{table}\" AS SELECT * FROM {Data}.\"{table}\" AS {ViewName(table)} WHERE {Condition(filter, "pg_temp")}",
                transaction: transaction);
            _drops.Add($"DROP VIEW IF EXISTS pg_temp.\"{table}\";");
        }

        transaction.Commit();
    }

    private void ReadWrite(string sql)
    {
        using var transaction = _connection.BeginTransaction();
        _connection.Execute("SET TRANSACTION READ WRITE", transaction: transaction);
        _connection.Execute(sql, transaction: transaction);
        transaction.Commit();
    }

    /// <summary>Plans the query (never runs it) and refuses it unless everything it reads is inside the area.</summary>
    private void Inspect(string template, string query, string sql, object? parameters, DbTransaction? transaction)
    {
        Refused = NotOneSelect(sql);
        if (Refused is not null)
        {
            throw Refusal(template, query, null);
        }

        var calls = new HashSet<string>(StringComparer.Ordinal);
        AddCalls(sql, calls);
        string plan;
        try
        {
            using var results = _connection.QueryMultiple("EXPLAIN (VERBOSE, FORMAT JSON)\n" + sql, parameters, transaction);
            plan = results.ReadSingle<string>();
            if (!results.IsConsumed)
            {
                Refused = "it is more than one statement";
                throw Refusal(template, query, null);
            }
        }
        catch (PostgresException e)
        {
            Refused = $"PostgreSQL cannot plan it as one read-only query ({e.MessageText})";
            throw Refusal(template, query, e);
        }

        using var json = JsonDocument.Parse(plan);
        Refused = Walk(json.RootElement, calls) ?? RefusedCall(calls, transaction);
        if (Refused is not null)
        {
            throw Refusal(template, query, null);
        }
    }

    /// <summary>Every node of the plan: what it reads, whether it writes, and the functions its expressions call.</summary>
    private string? Walk(JsonElement element, HashSet<string> calls)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, calls) is { } refused)
                    {
                        return refused;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("Node Type", out var type) && type.GetString() == "ModifyTable")
                {
                    return "it changes data";
                }

                if (element.TryGetProperty("Relation Name", out var relation) && Outside(element, relation.GetString() ?? "") is { } outside)
                {
                    return outside;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "Function Name" && property.Value.GetString() is { } function)
                    {
                        calls.Add(function.ToLowerInvariant());
                    }
                    else if (Walk(property.Value, calls) is { } refused)
                    {
                        return refused;
                    }
                }

                return null;
            case JsonValueKind.String:
                AddCalls(element.GetString() ?? "", calls);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Why a relation a plan node reads is outside the area, or null when it is inside.</summary>
    private string? Outside(JsonElement node, string relation)
    {
        var schema = node.TryGetProperty("Schema", out var s) ? s.GetString() ?? "" : "";
        var alias = node.TryGetProperty("Alias", out var a) ? a.GetString() ?? "" : "";
        if (schema == Data && relation == OpenTable)
        {
            return null;
        }

        if (schema == Data && AreaTables.Any(t => t.Table == relation) && ThroughView(alias, relation))
        {
            return null;
        }

        // EXPLAIN names the session's own temporary schema pg_temp (another session's it cannot read at all).
        if ((schema == "pg_temp" || schema.StartsWith("pg_temp_", StringComparison.Ordinal)) && (relation == LocalitiesTable || relation == OrganizationsTable))
        {
            return null;
        }

        return $"it reads {schema}.{relation} outside the engine's view of the area";
    }

    /// <summary>
    /// Read under the view's secret alias; EXPLAIN tells apart two reads under one alias (the view used twice)
    /// by appending _1, _2...
    /// </summary>
    private bool ThroughView(string alias, string table)
    {
        var secret = ViewName(table);
        return alias == secret
            || (alias.StartsWith(secret + "_", StringComparison.Ordinal) && alias.Length > secret.Length + 1 && alias[(secret.Length + 1)..].All(char.IsAsciiDigit));
    }

    /// <summary>A refused function among the calls, or one the database's owner defined (its body is out of the plan's sight).</summary>
    private string? RefusedCall(HashSet<string> calls, DbTransaction? transaction)
    {
        if (calls.FirstOrDefault(c => RefusedFunctions.Contains(c) || RefusedPrefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal))) is { } refused)
        {
            return $"it calls {refused}(), which a committee's report may not";
        }

        if (calls.Count == 0)
        {
            return null;
        }

        var own = _connection.Query<string>(
            "SELECT DISTINCT p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace " +
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND lower(p.proname) = ANY(@calls)",
            new { calls = calls.ToArray() }, transaction).FirstOrDefault();
        return own is null ? null : $"it calls {own}(), a function defined in the database, whose reads the engine cannot see";
    }

    private static void AddCalls(string text, HashSet<string> calls)
    {
        foreach (Match call in Call().Matches(text))
        {
            calls.Add(call.Groups[1].Value.ToLowerInvariant());
        }
    }

    /// <summary>
    /// Why the text is not one SELECT (or WITH, VALUES, TABLE) statement, or null. Npgsql splits a command's text at
    /// semicolons into statements it all runs; a semicolon counts unless it is in a comment or a quoted string or
    /// name, and at the first construct whose end could be read two ways (a backslash in a string, dollar quoting, a
    /// nested comment) every later semicolon counts.
    /// </summary>
    internal static string? NotOneSelect(string sql)
    {
        var text = sql.TrimEnd();
        while (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        string? first = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                var end = text.IndexOfAny(['\r', '\n'], i);
                i = end < 0 ? text.Length : end;
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var body = end < 0 ? text[(i + 2)..] : text[(i + 2)..end];
                if (body.Contains("/*", StringComparison.Ordinal))
                {
                    return Ambiguous(text, i);
                }

                i = end < 0 ? text.Length : end + 2;
            }
            else if (c is '\'' or '"')
            {
                var end = i + 1;
                while (end < text.Length && !(text[end] == c && (end + 1 >= text.Length || text[end + 1] != c)))
                {
                    end += text[end] == c ? 2 : 1;
                }

                if (text.AsSpan(i, Math.Min(end, text.Length - 1) - i + 1).Contains('\\'))
                {
                    return Ambiguous(text, i);
                }

                i = end + 1;
            }
            else if (c == '$' && !char.IsAsciiDigit(next))
            {
                return Ambiguous(text, i);
            }
            else if (c == ';')
            {
                return "it is more than one statement";
            }
            else
            {
                if (first is null && !char.IsWhiteSpace(c))
                {
                    var end = i;
                    while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '_'))
                    {
                        end++;
                    }

                    first = end > i ? text[i..end] : c.ToString();
                    if (first != "(" && !Statements.Contains(first))
                    {
                        return $"it is not a SELECT (it starts with {first})";
                    }
                }

                i++;
            }
        }

        return first is null ? "it is empty" : null;
    }

    private static string? Ambiguous(string text, int from) =>
        text.IndexOf(';', from) >= 0 ? "it is more than one statement, or might be read as more than one" : null;

    /// <summary>A name followed by an opening parenthesis: a function call, in the query or in a plan's expressions.</summary>
    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_$]*)"?\s*\(""")]
    private static partial Regex Call();
}
