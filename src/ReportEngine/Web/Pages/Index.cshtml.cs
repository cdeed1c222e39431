using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Runs;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages;

/// <summary>
/// Viewer: the first page. Is a worker serving, what runs next, what ran in the last days (failures first,
/// so none hides below successes), and the deliveries that still need someone.
/// </summary>
public sealed class IndexModel(Dashboard dashboard, DisplayTime time) : PageModel
{
    public const int Days = 7;

    public DisplayTime Time => time;

    public DashboardFigures Figures { get; private set; } = new([], [], new DeliveryCounts(0, 0, 0));

    public void OnGet() => Figures = dashboard.Read(Days);
}
