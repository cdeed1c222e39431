using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages;

/// <summary>
/// Viewer: the first page. Is a worker serving, what runs next, what ran in the last days (failures first,
/// so none hides below successes), and the deliveries that still need someone.
/// </summary>
public sealed class IndexModel(Dashboard dashboard, ScheduleOverview schedules, DisplayTime time) : PageModel
{
    public const int Days = 7;

    public DisplayTime Time => time;

    public DashboardFigures Figures { get; private set; } = new([], [], new DeliveryCounts(0, 0, 0));

    /// <summary>The schedules that run, each with its next firing in its own zone; empty when the file cannot be read.</summary>
    public IReadOnlyList<ScheduleEntry> Schedules { get; private set; } = [];

    /// <summary>How many problems the schedules file has (the schedules page lists them).</summary>
    public int ScheduleProblems { get; private set; }

    public void OnGet()
    {
        Figures = dashboard.Read(Days);
        try
        {
            var overview = schedules.Read();
            Schedules = overview.Schedules;
            ScheduleProblems = overview.Problems.Count;
        }
        catch (ReportEngineException)
        {
            ScheduleProblems = 1;
        }
    }
}
