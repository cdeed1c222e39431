using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Users;

/// <summary>Admin: the console's accounts; add, change role, disable, unlock, each through ConsoleAccounts (audited).</summary>
public sealed class IndexModel(ConsoleAccounts accounts, ConsoleText text, DisplayTime time) : PageModel
{
    public IReadOnlyList<ConsoleUser> Accounts { get; private set; } = [];

    public DisplayTime Time => time;

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public bool IsLocked(ConsoleUser user) => accounts.IsLockedOut(user);

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    public Task<IActionResult> OnPostAddAsync(string name, string role, string password) =>
        Change(() => accounts.AddAsync(name ?? "", role, password ?? "", Actor, Address), text.Format("users.added", name?.Trim()));

    public Task<IActionResult> OnPostRoleAsync(string name, string role) =>
        Change(() => accounts.ChangeRoleAsync(name ?? "", role, Actor, Address), text.Format("users.role.changed", name, role));

    public Task<IActionResult> OnPostDisableAsync(string name) =>
        Change(() => accounts.DisableAsync(name ?? "", Actor, Address), text.Format("users.disabled", name));

    public Task<IActionResult> OnPostUnlockAsync(string name) =>
        Change(() => accounts.UnlockAsync(name ?? "", Actor, Address), text.Format("users.unlocked", name));

    private string Actor => User.Identity?.Name ?? "?";

    private string? Address => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Post-redirect-get on success; a refusal is shown on the page with what was typed kept out of it.</summary>
    private async Task<IActionResult> Change(Func<Task> change, string notice)
    {
        try
        {
            await change();
            Notice = notice;
            return RedirectToPage();
        }
        catch (ReportEngineException e)
        {
            Problem = e.Message;
            Accounts = await accounts.ListAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
