using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Templates;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Run;

/// <summary>
/// Operator: the run form, generated from the chosen template's parameters. The request goes to
/// RunRequests (the CLI's checks and messages), is queued for the worker with the console trigger, and
/// the browser is sent to the run's page (or the burst's). A refusal shows next to the field it is about.
/// </summary>
public sealed class IndexModel(TemplateDescriptions templates, LocalityDirectory localities, RunRequests requests, AuditLog audit, ConsoleText text) : PageModel
{
    public const string ModeReport = "report";
    public const string ModeBurst = "burst";

    public IReadOnlyList<TemplateDescription> Templates { get; private set; } = [];

    public TemplateDescription? Template { get; private set; }

    public IReadOnlyList<LocalityEntry> Localities { get; private set; } = [];

    /// <summary>The locality search as typed (GET ?find=), kept in its field.</summary>
    public string? Find { get; private set; }

    public static IReadOnlyList<string> Levels => CommitteeLevel.All;

    /// <summary>The languages the chosen template has strings for and a report can be asked in.</summary>
    public IReadOnlyList<string> Languages => Template is null ? [] : [.. Template.Languages.Where(l => RunRequest.Languages.Contains(l, StringComparer.Ordinal))];

    [BindProperty]
    public string? Mode { get; set; } = ModeReport;

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? Level { get; set; }

    [BindProperty]
    public string? Codes { get; set; }

    /// <summary>Parameter values by name, as typed; an empty one takes the template's default.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>Sent back with the form, so a double submission queues one run, not two.</summary>
    [BindProperty]
    public string RequestKey { get; set; } = NewKey();

    /// <summary>The refusal, and the field it is about (a parameter name, "committees", "language"; null: the form).</summary>
    public string? Problem { get; private set; }

    public string? ProblemField { get; private set; }

    public string? ErrorFor(string field) => ProblemField == field ? Problem : null;

    public IActionResult OnGet(string? template, string? find)
    {
        Find = find;
        Language = text.Language;
        return Load(template) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string? template)
    {
        if (!Load(template))
        {
            return NotFound();
        }

        var burst = Mode == ModeBurst;
        var parameters = Values
            .Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .ToDictionary(v => v.Key, v => v.Value!.Trim(), StringComparer.Ordinal);
        var request = new RunRequest(
            Template!.Name,
            parameters,
            burst ? null : Language,
            burst ? (string.IsNullOrWhiteSpace(Codes) ? Level ?? "" : Codes.Trim()) : null);
        var who = User.Identity?.Name ?? "?";
        try
        {
            var queued = requests.Queue(request, RunTrigger.Console, who, RequestKey);
            var target = queued.RunId is { } run ? $"run {run}" : $"burst {queued.BurstId}";
            if (!queued.Repeated)
            {
                await audit.WriteAsync(who, burst ? AuditActions.BurstQueued : AuditActions.RunQueued, target,
                    $"{request.Template} {RunParameters.Describe(RunParameters.Format(parameters))} {(burst ? "committees=" + request.Committees : "lang=" + request.Language)}".Trim(),
                    HttpContext.Connection.RemoteIpAddress?.ToString());
            }

            return queued.RunId is { } id ? Redirect($"/runs/{id}") : Redirect($"/bursts/{queued.BurstId}");
        }
        catch (ReportEngineException e)
        {
            Problem = e.Message;
            ProblemField = ErrorField.Of(e.Message, Template.Parameters.Select(p => p.Name));
            RequestKey = NewKey();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private bool Load(string? template)
    {
        Templates = templates.List();
        Template = template is null ? (Templates.Count > 0 ? Templates[0] : null) : Templates.FirstOrDefault(t => t.Name == template);
        if (Template is null && template is not null)
        {
            return false;
        }

        if (Template?.Parameters.Any(p => p.Type == "locality") == true)
        {
            Localities = localities.Search(Find);
        }

        if (Language is null || !Languages.Contains(Language, StringComparer.Ordinal))
        {
            var languages = Languages;
            Language = languages.Contains(text.Language, StringComparer.Ordinal) ? text.Language : languages.Count > 0 ? languages[0] : null;
        }

        return true;
    }

    private static string NewKey() => "console-" + Guid.NewGuid().ToString("N");
}
