using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReportEngine.Templates.Validation;

namespace ReportEngine.Templates;

/// <summary>
/// Hot reload for the worker: a template is read again whenever its files change, so the next run
/// uses the edit. An edit that breaks the template is logged and the last good version keeps
/// running; only a template that was never good fails its runs.
/// </summary>
public sealed class TemplateCatalog
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The process-wide catalog: runs are short-lived objects, the last good versions are not.</summary>
    public static TemplateCatalog Shared { get; } = new();

    /// <summary>Where problems with edited templates are reported; the worker sets its own.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    public ReportTemplate Get(string directory)
    {
        directory = Path.GetFullPath(directory);
        var version = TemplateVersion.Of(directory);
        var entry = _entries.GetValueOrDefault(directory);
        if (entry is not null && (entry.Good?.Version == version || entry.BrokenVersion == version))
        {
            return entry.Good ?? throw entry.BrokenBecause!;
        }

        var problems = Load(directory, version, out var template);
        if (problems.Count == 0)
        {
            _entries[directory] = new Entry(template, null, null);
            return template!;
        }

        var error = problems[0];
        if (entry?.Good is { } lastGood)
        {
            Logger.LogError("Template {Template} was edited and is now broken ({Problems} problem(s), first: {Problem}); " +
                "runs keep using the last good version {Version} until it is fixed.", lastGood.Name, problems.Count, error.Message, lastGood.Version[..12]);
            _entries[directory] = new Entry(lastGood, version, error);
            return lastGood;
        }

        _entries[directory] = new Entry(null, version, error);
        throw error;
    }

    /// <summary>The checks that need no database; a query's columns are checked when it runs.</summary>
    private static IReadOnlyList<TemplateException> Load(string directory, string version, out ReportTemplate? template)
    {
        var problems = new TemplateValidator(null).Validate(directory, out var loaded);
        template = problems.Count == 0 ? loaded! with { Version = version } : null;
        return problems;
    }

    private sealed record Entry(ReportTemplate? Good, string? BrokenVersion, TemplateException? BrokenBecause);
}
