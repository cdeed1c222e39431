using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Deliveries;

/// <summary>
/// Viewer: the deliveries, newest first, by status, committee and run, with attempts, the last error and
/// the next attempt. An operator also sees the retry buttons, which post to <see cref="RetryModel"/>.
/// </summary>
public sealed class IndexModel(DeliveryQueries queries, CommitteeStore committees, DisplayTime time, IAuthorizationService authorization) : PageModel
{
    public DisplayTime Time => time;

    public IReadOnlyList<DeliveryRecord> Deliveries { get; private set; } = [];

    public IReadOnlyList<string> Statuses { get; } = DeliveryStatus.All;

    public IReadOnlyList<string> CommitteeCodes { get; private set; } = [];

    public string? Status { get; private set; }

    public string? Committee { get; private set; }

    public long? Run { get; private set; }

    public long? NextBefore { get; private set; }

    public bool MayRetry { get; private set; }

    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(string? status, string? committee, long? run, long? before)
    {
        Status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        Committee = string.IsNullOrWhiteSpace(committee) ? null : committee.Trim();
        Run = run;
        MayRetry = (await authorization.AuthorizeAsync(User, ConsolePolicies.Operator)).Succeeded;
        CommitteeCodes = committees.All().Select(c => c.Code).ToList();
        if (Status is not null && !Statuses.Contains(Status))
        {
            Problem = "deliveries.problem.status";
            return;
        }

        var page = queries.Page(new DeliveryFilter(Status, Committee, Run), before);
        Deliveries = page.Deliveries;
        NextBefore = page.NextBefore;
    }

    /// <summary>The current filter as query values, plus one more (paging).</summary>
    public Dictionary<string, string> Filter(string? key = null, long? value = null)
    {
        var values = new Dictionary<string, string>();
        if (Status is not null)
        {
            values["status"] = Status;
        }

        if (Committee is not null)
        {
            values["committee"] = Committee;
        }

        if (Run is { } run)
        {
            values["run"] = run.ToString(CultureInfo.InvariantCulture);
        }

        if (key is not null && value is { } v)
        {
            values[key] = v.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
