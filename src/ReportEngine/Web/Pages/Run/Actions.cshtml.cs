using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Templates;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Run;

/// <summary>
/// Operator: what the run page's buttons do — retry one delivery, retry the run's failed deliveries, run
/// it again. A page of its own in the operator folder (Razor Pages sets policies per page, not per handler),
/// posting back to the run page (POST-redirect-GET) with what happened; every action is audited.
/// </summary>
public sealed class ActionsModel(DeliveryRetries retries, RunStore runs, TemplateDescriptions templates, RunRequests requests, AuditLog audit, ConsoleText text) : PageModel
{
    [TempData]
    public string? RunNotice { get; set; }

    [TempData]
    public string? RunProblem { get; set; }

    public IActionResult OnGet() => Redirect("/runs");

    public Task<IActionResult> OnPostRetryAsync(long run, long delivery) => Act(run, async () =>
    {
        var retried = retries.RetryOne(delivery);
        await Audit(AuditActions.DeliveryRetried, $"delivery {delivery}", $"run {run}");
        RunNotice = retried > 0 ? text.Format("runpage.retried.one", delivery) : text.Format("runpage.retried.none-one", delivery);
        return run;
    });

    public Task<IActionResult> OnPostRetryFailedAsync(long run) => Act(run, async () =>
    {
        var retried = retries.RetryFailedOfRun(run);
        await Audit(AuditActions.DeliveriesRetriedOfRun, $"run {run}", $"{retried} deliveries");
        RunNotice = text.Format("runpage.retried.all", retried);
        return run;
    });

    public Task<IActionResult> OnPostAgainAsync(long run) => Act(run, async () =>
    {
        var earlier = runs.Find(run) ?? throw new ReportEngineException($"There is no run {run}.");
        var request = RunAgain.RequestFor(earlier, templates.Describe(earlier.Template));
        var queued = requests.Queue(request, RunTrigger.Console, Actor);
        await Audit(AuditActions.RunAgain, $"run {queued.RunId}", $"again of run {run}");
        RunNotice = text.Format("runpage.again.queued", run);
        return queued.RunId!.Value;
    });

    private string Actor => User.Identity?.Name ?? "?";

    private Task Audit(string action, string target, string detail) =>
        audit.WriteAsync(Actor, action, target, detail, HttpContext.Connection.RemoteIpAddress?.ToString());

    /// <summary>Does the action and goes to the run it leads to; a refusal goes back to the run's page, shown there.</summary>
    private async Task<IActionResult> Act(long run, Func<Task<long>> action)
    {
        try
        {
            return Redirect($"/runs/{await action()}");
        }
        catch (ReportEngineException e)
        {
            RunProblem = e.Message;
            return Redirect($"/runs/{run}");
        }
    }
}
