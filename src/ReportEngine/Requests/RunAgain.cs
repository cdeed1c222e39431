using ReportEngine.Runs;
using ReportEngine.Templates;

namespace ReportEngine.Requests;

/// <summary>
/// "Run again": the request that asks for a run's report once more, with its template, language and
/// parameters as the run resolved them (so "last closed year" stays the year it was), queued through
/// <see cref="RunRequests"/> like any other request and checked again against today's template.
/// </summary>
public static class RunAgain
{
    public static RunRequest RequestFor(RunRecord run, TemplateDescription template)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(template);
        var declared = template.Parameters.Select(p => p.Name).Append(EngineValues.AllowPartial).ToHashSet(StringComparer.Ordinal);
        // A parameter the template has dropped since would be refused; one it has added takes its default.
        var parameters = RunParameters.Parse(run.Parameters)
            .Where(p => declared.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new RunRequest(run.Template, parameters, run.Language);
    }
}
