using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Runs;

/// <summary>
/// Viewer: one run — its status (the page refreshes itself while the run is queued or running), what it
/// was asked with and resolved to, what it produced, its deliveries. The operator's buttons post to
/// Run/Actions (an operator page), so this page serves viewers without a handler of its own.
/// </summary>
public sealed class DetailModel(RunStore runs, Outbox outbox, IAuthorizationService authorization, DisplayTime time) : PageModel
{
    /// <summary>Seconds between refreshes of a run that is not finished.</summary>
    public const int RefreshSeconds = 2;

    public RunRecord Run { get; private set; } = null!;

    public IReadOnlyList<DeliveryRecord> Deliveries { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = new Dictionary<string, string>();

    public bool IsOperator { get; private set; }

    /// <summary>The page refreshes itself: the run is not finished and the person did not ask it to stop (?follow=0).</summary>
    public bool Follow { get; private set; }

    /// <summary>How many first pages are shown as images.</summary>
    public int PreviewPages => (int)Math.Min(3, Run.Pages ?? 0);

    public bool HasPdf => Run is { Status: RunStatus.Succeeded, ArchivePath: not null };

    public bool HasRetryable => Deliveries.Any(Retryable);

    [TempData]
    public string? RunNotice { get; set; }

    [TempData]
    public string? RunProblem { get; set; }

    public static bool Retryable(DeliveryRecord delivery) => delivery.Status is DeliveryStatus.Failed or DeliveryStatus.Dead;

    /// <summary>The run's error: its message, then each cause (RunExecutor.Describe writes "caused by: " before each).</summary>
    public IReadOnlyList<string> ErrorLines => Run.Error?
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.StartsWith(CausedBy, StringComparison.Ordinal) ? line[CausedBy.Length..] : line)
        .ToList() ?? [];

    private const string CausedBy = "caused by: ";

    /// <summary>A stored UTC time as a person reads it: in the display time zone, with its offset.</summary>
    public string? Time(string? stored) => PersonTime.Format(stored, time.Zone);

    public async Task<IActionResult> OnGetAsync(long id, string? follow)
    {
        if (runs.Find(id) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        Parameters = RunParameters.Parse(run.Parameters);
        Deliveries = outbox.List(runId: id);
        IsOperator = (await authorization.AuthorizeAsync(User, ConsolePolicies.Operator)).Succeeded;
        Follow = !run.IsFinished && follow != "0";
        if (!run.IsFinished)
        {
            Response.Headers.CacheControl = "no-store";
        }

        return Page();
    }
}
