using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Scheduling;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Pages.Schedules;

/// <summary>
/// Viewer: the schedules file as the worker loads it (ScheduleOverview), each schedule's next firings in its
/// own zone with the offset, and every problem; an operator also gets "run now" (posted to <see cref="RunNowModel"/>).
/// </summary>
public sealed class IndexModel(ScheduleOverview overview, IAuthorizationService authorization) : PageModel
{
    public ScheduleOverviewResult Overview { get; private set; } = new("", [], [], []);

    public bool MayRun { get; private set; }

    /// <summary>One key per page shown: a second click of the same "run now" queues nothing more.</summary>
    public string RequestKey { get; } = Guid.NewGuid().ToString("N");

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync()
    {
        MayRun = (await authorization.AuthorizeAsync(User, ConsolePolicies.Operator)).Succeeded;
        try
        {
            Overview = overview.Read();
        }
        catch (ReportEngineException e)
        {
            // A schedules file that is not YAML at all: its one message, naming the line.
            Overview = new ScheduleOverviewResult("", [], [], [e.Message]);
        }
    }
}
