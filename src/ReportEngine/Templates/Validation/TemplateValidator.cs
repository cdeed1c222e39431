using System.Data;
using System.Data.Common;
using Dapper;

namespace ReportEngine.Templates.Validation;

/// <summary>
/// Checks a template folder and reports every problem it finds with file, line and column:
/// YAML mistakes, unknown block types, blocks naming missing queries, columns no query returns,
/// Liquid errors, strings missing in a language, parameters without a valid default.
/// </summary>
public sealed class TemplateValidator(DbConnection? database)
{
    private static readonly Dictionary<string, string[]> RequiredByBlock = new(StringComparer.Ordinal)
    {
        ["cover"] = ["title"],
        ["party-heading"] = ["lines", "title"],
        ["signature"] = ["authority", "signer"],
        ["heading"] = ["text"],
        ["paragraph"] = ["text"],
        ["key-figures"] = ["items"],
        ["table"] = ["query", "columns"],
        ["chart"] = ["query", "category", "series"],
        ["contents"] = ["text"],
        ["appendix"] = ["text"],
        ["repeat"] = ["query", "blocks"],
        ["page-break"] = [],
    };

    public IReadOnlyList<TemplateException> Validate(string directory) => Validate(directory, out _);

    /// <param name="directory">The template folder.</param>
    /// <param name="template">The template as loaded (null when it cannot be read at all), so a caller need not read it again.</param>
    public IReadOnlyList<TemplateException> Validate(string directory, out ReportTemplate? template)
    {
        try
        {
            template = TemplateLoader.LoadDirectory(directory);
        }
        catch (TemplateException e)
        {
            template = null;
            return [e];
        }

        var problems = new List<TemplateException>();
        var definition = new YamlLocator(Path.Combine(directory, TemplateLoader.DefinitionFileName));
        var parameters = CheckParameters(template, definition, problems);
        CheckDocument(template, definition, problems);
        PageCheck.Run(template.Definition.Page, definition, problems);
        var columns = CheckQueries(template, parameters, problems);
        var stringKeys = StringsCheck.Run(template, problems);
        new BlocksCheck(template, definition, columns, stringKeys, problems).Run();
        return problems;
    }

    /// <summary>A document's number reads "123-BC/TU": its type is a short upper-case abbreviation, and its issuing body comes from the locality.</summary>
    private static void CheckDocument(ReportTemplate template, YamlLocator file, List<TemplateException> problems)
    {
        if (template.Definition.Document is not { } document)
        {
            return;
        }

        if (document.Type.Length is < 1 or > 8 || !document.Type.All(c => char.IsUpper(c) || char.IsDigit(c)))
        {
            problems.Add(file.Problem($"document type \"{document.Type}\" must be the type's upper-case abbreviation, such as BC (báo cáo) or TB (thông báo).", "document", "type"));
        }

        if (template.Definition.Parameters.GetValueOrDefault("locality") is not { Type: "locality" })
        {
            problems.Add(file.Problem("a document needs a parameter \"locality\" of type locality: its number is issued by that locality's committee.", "document"));
        }
    }

    private static IReadOnlyDictionary<string, object>? CheckParameters(ReportTemplate template, YamlLocator file, List<TemplateException> problems)
    {
        foreach (var (name, parameter) in template.Definition.Parameters)
        {
            if (parameter.Type is not ("int" or "date" or "string" or "locality" or "organization"))
            {
                problems.Add(file.Problem($"parameter \"{name}\" has the unknown type \"{parameter.Type}\" (use int, date, string, locality or organization).", "parameters", name, "type"));
            }
        }

        try
        {
            return new ParameterResolver(new FixedClock()).Resolve(template, new Dictionary<string, string>());
        }
        catch (ReportEngineException e)
        {
            var name = template.Definition.Parameters.Keys.FirstOrDefault(n => e.Message.Contains($"\"{n}\"", StringComparison.Ordinal));
            problems.Add(file.Problem("parameter without a valid default: " + e.Message, "parameters", name ?? ""));
            return null;
        }
    }

    /// <summary>Result columns per query, read from the database without fetching rows; each shared query used is checked on its own first.</summary>
    private Dictionary<string, IReadOnlySet<string>> CheckQueries(
        ReportTemplate template, IReadOnlyDictionary<string, object>? parameters, List<TemplateException> problems)
    {
        var columns = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (database is null || parameters is null)
        {
            return columns;
        }

        var values = EngineValues.Add(parameters, "", partial: false);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in template.SharedUsed)
        {
            // A shared query the template narrows itself (e.g. to one organisation) may need parameters
            // the template does not have on its own: only the template's queries are checked then.
            if (Columns(template.Shared.Standalone(name), values, out var error, out var missing) is null && !missing)
            {
                errors[name] = error!;
            }
        }

        // A broken shared query is reported once, with its own file, not under every query that uses it.
        var broken = errors.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, error) in errors.Where(e => !template.Shared.UsedBy(e.Key).Any(u => u != e.Key && broken.Contains(u))))
        {
            problems.Add(new TemplateException(template.Shared.FileOf(name), $"shared query \"{name}\" fails: {error}"));
        }

        foreach (var (name, sql) in template.QuerySql)
        {
            if (Columns(sql, values, out var error, out _) is { } returned)
            {
                columns[name] = returned;
            }
            else if (!template.Shared.UsedBy(sql).Any(broken.Contains))
            {
                problems.Add(new TemplateException(Path.Combine(template.Directory, template.Definition.Queries[name].File), $"query \"{name}\" fails: {error}"));
            }
        }

        return columns;
    }

    // CommandType.Text always: Dapper takes SQL without whitespace (a query file holding one word) for a stored procedure's name.
    /// <param name="missing">True when the query needs parameters the values do not hold.</param>
    private HashSet<string>? Columns(string sql, IReadOnlyDictionary<string, object> values, out string? error, out bool missing)
    {
        missing = false;
        try
        {
            var arguments = new DynamicParameters();
            foreach (var (key, value) in values)
            {
                arguments.Add(key, value);
            }

            using var reader = database!.ExecuteReader(new CommandDefinition(sql, arguments, commandType: CommandType.Text), CommandBehavior.SchemaOnly);
            error = null;
            return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet(StringComparer.Ordinal);
        }
        catch (DbException e)
        {
            error = e.Message;
            return null;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("Must add values", StringComparison.Ordinal))
        {
            // SQLite names the parameters a query uses that the template does not have.
            error = e.Message;
            missing = true;
            return null;
        }
    }

    internal static IEnumerable<string> Required(string blockType) =>
        RequiredByBlock.TryGetValue(blockType, out var required) ? required : [];

    internal static bool IsKnownBlock(string blockType) => RequiredByBlock.ContainsKey(blockType);

    internal static IEnumerable<string> KnownBlocks => RequiredByBlock.Keys;

    /// <summary>Defaults are checked as a scheduled run would fill them, on a fixed day.</summary>
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);
    }
}
