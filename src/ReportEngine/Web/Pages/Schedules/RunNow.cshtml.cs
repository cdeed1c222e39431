using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Scheduling;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Schedules;

/// <summary>
/// Operator: "run now" queues a schedule's report (or burst) for the worker as a firing now would ask for it
/// (ScheduleOverview.RunNow, trigger console, requested by the operator), once per key, audited.
/// </summary>
public sealed class RunNowModel(ScheduleOverview overview, AuditLog audit, ConsoleText text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IActionResult OnGet() => Redirect("/schedules");

    public async Task<IActionResult> OnPostAsync(string? id, string? key)
    {
        var who = User.Identity?.Name ?? "?";
        try
        {
            var queued = overview.RunNow(id ?? "", who, string.IsNullOrWhiteSpace(key) ? null : "schedule-run-now:" + key);
            var what = queued.RunId is { } run ? "run " + run.ToString(CultureInfo.InvariantCulture) : "burst " + queued.BurstId?.ToString(CultureInfo.InvariantCulture);
            if (!queued.Repeated)
            {
                await audit.WriteAsync(who, AuditActions.ScheduleRunNow, id, what, HttpContext.Connection.RemoteIpAddress?.ToString());
            }

            Notice = queued.RunId is { } runId ? text.Format("schedules.queued.run", id, runId) : text.Format("schedules.queued.burst", id, queued.BurstId);
        }
        catch (ReportEngineException e)
        {
            Problem = e.Message;
        }

        return Redirect("/schedules");
    }
}
