using System.Data.Common;
using System.Globalization;
using Dapper;
using ReportEngine.Templates;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Reports;

/// <summary>
/// Renders one report: resolves parameters, runs the template's queries, renders its strings and
/// blocks, and writes the PDF through a temporary file so a crash never leaves a partial PDF. A run's
/// queries read one snapshot (<see cref="ReadSnapshot"/>); a committee's run reads only its area
/// (<see cref="AreaConfinement"/>).
/// </summary>
public sealed class ReportRunner(string templatesRoot, TimeProvider clock, TimeSpan queryTimeLimit, int maxQueryRows = QueryExecutor.DefaultMaxRows)
{
    /// <summary>How long one of a template's queries may run before it is stopped.</summary>
    public static TimeSpan DefaultQueryTimeLimit { get; } = TimeSpan.FromSeconds(60);

    public RenderedReport Render(ReportRequest request, DbConnection connection, string outputDirectory) =>
        Render(Prepare(request, connection), connection, outputDirectory);

    /// <summary>
    /// Loads the template and resolves the parameters against the database, without rendering:
    /// every mistake in a request shows here, before a run is recorded for it.
    /// </summary>
    public PreparedReport Prepare(ReportRequest request, DbConnection connection)
    {
        ReportCulture.For(request.Language);
        var template = TemplateLoader.Load(templatesRoot, request.Template);
        if (!template.Strings.ContainsKey(request.Language))
        {
            throw new ReportEngineException(
                $"Template \"{template.Name}\" has no strings for language \"{request.Language}\" (it has {string.Join(", ", template.Languages)}).");
        }

        var parameters = new ParameterResolver(clock).Resolve(template, request.Parameters);
        FileName(template.Name, parameters, request.Language); // a value that cannot be a file name is refused before anything is recorded
        CheckLookupsExist(template, parameters, connection);
        var values = ReportPreconditions.Check(template, parameters, connection);
        ReportCommittee.Add(values, connection);
        return new PreparedReport(template, request.Language, parameters) { Values = values };
    }

    public RenderedReport Render(PreparedReport prepared, DbConnection connection, string outputDirectory)
    {
        var (template, language, parameters) = (prepared.Template, prepared.Language, prepared.Values);
        var culture = ReportCulture.For(language);
        var strings = template.Strings[language];
        var results = RunQueries(prepared, connection);
        var liquid = new LiquidRenderer(culture);
        liquid.Set("p", parameters);
        liquid.Set("q", results);

        liquid.Set("t", new LocalizedStrings(strings, liquid, Path.Combine(template.Directory, $"strings.{language}.yaml")));

        var document = new DocumentComposer(template, liquid, results).Compose(DocumentDate(parameters));
        var path = PathSegment.Inside(outputDirectory, FileName(template.Name, parameters, language), "The report's file name");
        Directory.CreateDirectory(outputDirectory);
        var pages = AtomicFile.Write(path, document.GeneratePdf);
        return new RenderedReport(path, pages, new FileInfo(path).Length, prepared.Parameters);
    }

    /// <summary>
    /// Compiles each query of a committee's report inside its area without running it: a query that
    /// reads anything outside the area is refused here, before a run is recorded.
    /// </summary>
    public void CheckConfinement(PreparedReport prepared, DbConnection connection)
    {
        var area = prepared.ConfinedTo ?? throw new InvalidOperationException("The report is not confined to an area.");
        using var confinement = AreaConfinement.Enter(connection, area, AreaDate(prepared.Values));
        foreach (var (name, sql) in prepared.Template.QuerySql.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            confinement.Check(prepared.Template.Name, name, sql, new DynamicParameters(prepared.Values));
        }
    }

    private Dictionary<string, object?> RunQueries(PreparedReport prepared, DbConnection connection)
    {
        var (template, parameters) = (prepared.Template, prepared.Values);
        using var confinement = prepared.ConfinedTo is { } area ? AreaConfinement.Enter(connection, area, AreaDate(parameters)) : null;
        using var snapshot = ReadSnapshot.Begin(connection);
        var executor = new QueryExecutor(connection, queryTimeLimit, maxQueryRows, snapshot) { Template = template.Name, Confinement = confinement };
        var results = new Dictionary<string, object?>(StringComparer.Ordinal);
        using (confinement?.Enforce())
        {
            foreach (var (name, query) in template.Definition.Queries)
            {
                var rows = executor.Execute(name, template.QuerySql[name], parameters);
                if (query.SingleRow && rows.Count != 1)
                {
                    throw new ReportEngineException($"Query \"{name}\" of template \"{template.Name}\" must return one row but returned {rows.Count}.");
                }

                results[name] = query.SingleRow ? rows[0] : rows;
            }
        }

        snapshot.Commit();
        return results;
    }

    /// <summary>The date the area is taken on: the report's as_of, else the data's, else today.</summary>
    private string AreaDate(IReadOnlyDictionary<string, object> values) =>
        values.GetValueOrDefault("as_of") as string is { Length: > 0 } asOf ? asOf
        : values.GetValueOrDefault(EngineValues.DataAsOf) as string is { Length: > 0 } data ? data
        : clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parameters of a lookup type must name a row that exists; the SQL is fixed per type, the code bound.</summary>
    private static void CheckLookupsExist(ReportTemplate template, IReadOnlyDictionary<string, object> parameters, DbConnection connection)
    {
        foreach (var (name, definition) in template.Definition.Parameters)
        {
            var sql = definition.Type switch
            {
                "locality" => "SELECT COUNT(*) FROM localities WHERE code = @code",
                "organization" => "SELECT COUNT(*) FROM organizations WHERE code = @code",
                _ => null,
            };
            var code = parameters[name];
            if (sql is not null && connection.ExecuteScalar<long>(sql, new { code }) == 0)
            {
                throw new ReportEngineException($"Parameter \"{name}\": there is no {definition.Type} with the code \"{code}\".");
            }
        }
    }

    /// <summary>The PDF's dates come from the data's as-of date, not the clock, so a re-run gives the same bytes.</summary>
    private static DateTimeOffset DocumentDate(IReadOnlyDictionary<string, object> parameters)
    {
        var asOf = parameters.TryGetValue("as_of", out var value) ? (string)value : "2000-01-01";
        var date = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
    }

    /// <summary>The PDF's file name (also an attachment's and a dropped file's); every part must be a plain name.</summary>
    internal static string FileName(string template, IReadOnlyDictionary<string, object> parameters, string language)
    {
        var parts = new List<string> { PathSegment.Check(template, "The template name") };
        foreach (var key in new[] { "organization", "locality", "year" })
        {
            if (parameters.TryGetValue(key, out var value))
            {
                parts.Add(PathSegment.Check(Convert.ToString(value, CultureInfo.InvariantCulture), $"Parameter \"{key}\""));
            }
        }

        parts.Add(PathSegment.Check(language, "The language"));
        return string.Join('-', parts) + ".pdf";
    }
}
