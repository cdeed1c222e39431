using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Templates.Sql;

/// <summary>
/// The rules every template query shares, spelled once: each templates/_shared/&lt;name&gt;.sql is the
/// body of one named common table expression. A query that names one (outside comments and string
/// literals) gets it, and the shared ones it names in turn, prepended in dependency order as
/// WITH RECURSIVE name AS (...), ... — merged with the query's own leading WITH, if any.
/// </summary>
public sealed partial class SharedQueries
{
    public const string FolderName = "_shared";

    private readonly Dictionary<string, SharedQuery> _queries;

    private SharedQueries(string folder, Dictionary<string, SharedQuery> queries)
    {
        Folder = folder;
        _queries = queries;
    }

    public string Folder { get; }

    public IReadOnlyCollection<string> Names => _queries.Keys;

    /// <summary>The shared folder beside a template's folder (templates/_shared for templates/x).</summary>
    public static string FolderFor(string templateDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templateDirectory).TrimEnd(Path.DirectorySeparatorChar))!, FolderName);

    /// <summary>Reads the shared folder (none is an empty library); a file that cannot be one is a TemplateException naming it.</summary>
    public static SharedQueries Load(string folder)
    {
        var queries = new Dictionary<string, SharedQuery>(StringComparer.Ordinal);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!NamePattern().IsMatch(name))
            {
                throw new TemplateException(file, $"a shared query's file name is its name in SQL: use lower-case letters, digits and '_' (not \"{name}\").");
            }

            var body = File.ReadAllText(file, Encoding.UTF8).TrimEnd();
            body = body.TrimEnd(';').TrimEnd();
            if (SqlText.FirstWord(body) >= body.Length)
            {
                throw new TemplateException(file, "the shared query is empty.");
            }

            queries[name] = new SharedQuery(name, file, body, []);
        }

        foreach (var query in queries.Values)
        {
            query.Uses.UnionWith(SqlText.Identifiers(query.Body).Where(id => id != query.Name && queries.ContainsKey(id)));
        }

        var library = new SharedQueries(folder, queries);
        foreach (var query in queries.Values)
        {
            library.Closure([query.Name]);
        }

        return library;
    }

    /// <summary>
    /// The shared queries the SQL names, directly or through other shared ones, each after those it
    /// uses. A query that defines a common table expression of a shared name itself uses its own
    /// (e.g. to narrow area_organizations to one organisation): that one is not prepended.
    /// </summary>
    public IReadOnlyList<string> UsedBy(string sql)
    {
        var own = OwnDefinitions(sql);
        return Closure(SqlText.Identifiers(sql).Where(id => _queries.ContainsKey(id) && !own.Contains(id)).Distinct(StringComparer.Ordinal), own);
    }

    /// <summary>Names the SQL defines in a WITH list: "name AS (" or "name (columns) AS (" after WITH [RECURSIVE] or a comma.</summary>
    private static HashSet<string> OwnDefinitions(string sql) =>
        OwnDefinition().Matches(SqlText.Code(sql)).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public string FileOf(string name) => _queries[name].File;

    /// <summary>The query with the shared ones it uses prepended; unchanged when it uses none.</summary>
    public string Expand(string sql)
    {
        var used = UsedBy(sql);
        if (used.Count == 0)
        {
            return sql;
        }

        var text = new StringBuilder();
        var start = SqlText.FirstWord(sql);
        text.Append(sql, 0, start).Append("WITH RECURSIVE\n");
        foreach (var name in used)
        {
            text.Append(name).Append(" AS (\n").Append(_queries[name].Body).Append("\n),\n");
        }

        var rest = sql[start..];
        if (SqlText.WordAt(rest, 0).Equals("with", StringComparison.OrdinalIgnoreCase))
        {
            // The query's own WITH [RECURSIVE] continues the list.
            rest = rest[4..].TrimStart();
            if (SqlText.WordAt(rest, 0).Equals("recursive", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest["recursive".Length..].TrimStart();
            }

            return text.Append(rest).ToString();
        }

        text.Length -= 2; // the last ",\n"
        return text.Append('\n').Append(rest).ToString();
    }

    /// <summary>A shared query on its own, for checking it against a database: SELECT * FROM name with what it uses.</summary>
    public string Standalone(string name) => Expand($"SELECT * FROM {name}");

    private List<string> Closure(IEnumerable<string> roots, HashSet<string>? own = null)
    {
        var ordered = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited, true: done
        void Visit(string name, Stack<string> path)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(n => n != name).Append(name);
                    throw new TemplateException(_queries[name].File, $"shared queries use each other in a circle: {string.Join(" → ", cycle)}.");
                }

                return;
            }

            state[name] = false;
            path.Push(name);
            foreach (var used in _queries[name].Uses.Where(u => own is null || !own.Contains(u)).Order(StringComparer.Ordinal))
            {
                Visit(used, path);
            }

            path.Pop();
            state[name] = true;
            ordered.Add(name);
        }

        foreach (var root in roots.Order(StringComparer.Ordinal))
        {
            Visit(root, new Stack<string>());
        }

        return ordered;
    }

    [GeneratedRegex(@"(?:\bWITH(?:\s+RECURSIVE)?|,)\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\([^()]*\))?\s*AS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(", RegexOptions.IgnoreCase)]
    private static partial Regex OwnDefinition();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    private sealed record SharedQuery(string Name, string File, string Body, HashSet<string> Uses);
}
