using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Deliveries;

/// <summary>
/// Operator: "send it again", one delivery or every failed one, through DeliveryRetries (the CLI's
/// `deliveries retry`), audited; then back to the deliveries page it was asked from.
/// </summary>
public sealed class RetryModel(DeliveryRetries retries, AuditLog audit, ConsoleText text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet() => Redirect("/deliveries");

    public async Task<IActionResult> OnPostOneAsync(long id, string? returnUrl)
    {
        try
        {
            var made = retries.RetryOne(id);
            await Audit(AuditActions.DeliveryRetried, id.ToString(CultureInfo.InvariantCulture), made);
            Notice = made > 0 ? text.Format("deliveries.retried.one", id) : text.Format("deliveries.retried.sent", id);
        }
        catch (ReportEngineException e)
        {
            Notice = e.Message;
        }

        return Back(returnUrl);
    }

    public async Task<IActionResult> OnPostAllFailedAsync(string? returnUrl)
    {
        var made = retries.RetryAllFailed();
        await Audit(AuditActions.DeliveriesRetriedAllFailed, null, made);
        Notice = text.Format("deliveries.retried.all", made);
        return Back(returnUrl);
    }

    private Task Audit(string action, string? target, int made) =>
        audit.WriteAsync(User.Identity?.Name ?? "?", action, target, $"{made} made pending", HttpContext.Connection.RemoteIpAddress?.ToString());

    /// <summary>Only a path of this console: a posted address never sends anyone elsewhere.</summary>
    private RedirectResult Back(string? returnUrl) =>
        Redirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/deliveries", StringComparison.Ordinal) ? returnUrl : "/deliveries");
}
