using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Bursts;

/// <summary>Viewer: a burst asked for in the console or the API — its request, status, the run of each committee and the deliveries counted; refreshes itself until finished.</summary>
public sealed class DetailModel(BurstOverviews bursts, DisplayTime time) : PageModel
{
    public const int RefreshSeconds = 2;

    public BurstOverview Overview { get; private set; } = null!;

    /// <summary>A stored UTC time as a person reads it: in the display time zone, with its offset.</summary>
    public string? Time(string? stored) => PersonTime.Format(stored, time.Zone);

    public string Parameters => RunParameters.Describe(Overview.Burst.Parameters);

    /// <summary>The page refreshes itself while the burst is queued or running, unless asked not to (?follow=0).</summary>
    public bool Follow { get; private set; }

    public IActionResult OnGet(long id, string? follow)
    {
        if (bursts.Find(id) is not { } overview)
        {
            return NotFound();
        }

        Overview = overview;
        Follow = overview.InProgress && follow != "0";
        return Page();
    }
}
