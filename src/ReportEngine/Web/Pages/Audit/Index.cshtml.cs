using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Audit;

/// <summary>Admin: the audit log, newest first, 50 a page (keyset paging by id), filtered by actor and action.</summary>
public sealed class IndexModel(AuditLog audit, DisplayTime time) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public DisplayTime Time => time;

    public string? Actor { get; private set; }

    public string? Action { get; private set; }

    /// <summary>The id to page on from ("older"), or null on the last page.</summary>
    public long? NextBefore { get; private set; }

    public IReadOnlyList<string> KnownActions { get; } = typeof(AuditActions).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(string? actor, string? action, long? before)
    {
        (Actor, Action) = (actor, action);
        // One more than a page tells whether an older page exists.
        var entries = await audit.ListAsync(actor, action, before, PageSize + 1);
        Entries = entries.Take(PageSize).ToList();
        NextBefore = entries.Count > PageSize ? Entries[^1].Id : null;
    }
}
