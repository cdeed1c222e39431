using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.ApiKeys;

/// <summary>
/// Admin: API keys. A new key is shown in the answer to the POST itself, not after a redirect: the secret
/// then never travels in a cookie or a URL, and reloading the page does not show it again.
/// </summary>
public sealed class IndexModel(ConsoleApiKeys keys, ConsoleText text, DisplayTime time) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public DisplayTime Time => time;

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public string? Secret { get; private set; }

    public string? CreatedName { get; private set; }

    public async Task OnGetAsync() => Keys = await keys.ListAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, string role)
    {
        try
        {
            var (key, secret) = await keys.CreateAsync(role, name, Actor, Address);
            (Secret, CreatedName) = (secret, key.Name);
            // The page holds a secret: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }
        catch (ReportEngineException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Keys = await keys.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string key)
    {
        try
        {
            var revoked = await keys.RevokeAsync(key ?? "", Actor, Address);
            Notice = text.Format("apikeys.revoked", revoked.Name);
            return RedirectToPage();
        }
        catch (ReportEngineException e)
        {
            Problem = e.Message;
            Keys = await keys.ListAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private string Actor => User.Identity?.Name ?? "?";

    private string? Address => HttpContext.Connection.RemoteIpAddress?.ToString();
}
