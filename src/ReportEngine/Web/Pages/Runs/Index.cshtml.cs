using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Runs;
using ReportEngine.Templates;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Runs;

/// <summary>
/// Viewer: the runs, newest first, filtered by template, status, queued date (in the display zone) and who
/// asked, a page at a time by keyset (RunQueries), so a run queued meanwhile never skips or repeats a row.
/// </summary>
public sealed class IndexModel(RunQueries queries, TemplateDescriptions templates, DisplayTime time) : PageModel
{
    public DisplayTime Time => time;

    public IReadOnlyList<RunRecord> Runs { get; private set; } = [];

    public IReadOnlyList<string> Statuses { get; } = RunQueries.RunStatusNames;

    public IReadOnlyList<string> Templates { get; private set; } = [];

    public string? Template { get; private set; }

    public string? Status { get; private set; }

    /// <summary>yyyy-MM-dd, the first day shown (in the display zone).</summary>
    public string? From { get; private set; }

    /// <summary>yyyy-MM-dd, the last day shown (in the display zone).</summary>
    public string? To { get; private set; }

    public string? Who { get; private set; }

    public long? NextBefore { get; private set; }

    public long? NewerAfter { get; private set; }

    /// <summary>A filter value that could not be used (a date that is not yyyy-MM-dd, an unknown status), by the key of its message.</summary>
    public string? Problem { get; private set; }

    public void OnGet(string? template, string? status, string? from, string? to, string? who, long? before, long? after)
    {
        Template = Blank(template);
        Status = Blank(status);
        From = Blank(from);
        To = Blank(to);
        Who = Blank(who);
        try
        {
            Templates = templates.List().Select(t => t.Name).ToList();
        }
        catch (ReportEngineException)
        {
            // No template folder: the filter is typed instead of picked; the runs are still listed.
        }

        if (Status is not null && !Statuses.Contains(Status))
        {
            Problem = "runlist.problem.status";
            return;
        }

        if (!TryDay(From, out var fromDay) || !TryDay(To, out var toDay))
        {
            Problem = "runlist.problem.date";
            return;
        }

        var filter = new RunFilter(Template, Status, fromDay is { } f ? ShownTime.StartOfDay(f, time.Zone) : null,
            toDay is { } t ? ShownTime.StartOfDay(t.AddDays(1), time.Zone) : null, Who);
        var page = after is { } newer ? queries.Newer(filter, newer) : queries.Page(filter, before);
        Runs = page.Runs;
        NextBefore = page.NextBefore;
        NewerAfter = page.NewerAfter;
    }

    /// <summary>The query string values of the current filter, for the paging links.</summary>
    public Dictionary<string, string> Filter(string key, long value)
    {
        var values = new Dictionary<string, string>();
        void Put(string name, string? v)
        {
            if (v is not null)
            {
                values[name] = v;
            }
        }

        Put("template", Template);
        Put("status", Status);
        Put("from", From);
        Put("to", To);
        Put("who", Who);
        values[key] = value.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }
}
