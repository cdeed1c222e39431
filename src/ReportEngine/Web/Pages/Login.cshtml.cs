using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages;

/// <summary>
/// The one page open to anyone: a name and a password, checked by Identity (which counts failures and
/// locks the account), every outcome written to the audit log with the caller's address.
/// </summary>
public sealed class LoginModel(SignInManager<ConsoleUser> signIn, AccountStore accounts, AuditLog audit, TimeProvider clock) : PageModel
{
    public string? Message { get; private set; }

    public string? Name { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        Name = name?.Trim();
        ReturnUrl = LocalOrHome(returnUrl);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (string.IsNullOrEmpty(Name) || string.IsNullOrEmpty(password))
        {
            Message = "login.failed";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Name, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(Name, AuditActions.LoginSucceeded, Name, null, address);
            await KeepLanguage(Name);
            return LocalRedirect(ReturnUrl);
        }

        // The same words for a wrong name, a wrong password and a disabled account: nothing to enumerate.
        // A lockout is said, so the person knows to wait or call an admin.
        var action = result.IsLockedOut ? AuditActions.LoginLockedOut : AuditActions.LoginFailed;
        await audit.WriteAsync(Name, action, Name, result.IsNotAllowed ? "disabled" : null, address);
        Message = result.IsLockedOut ? "login.locked" : "login.failed";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>A language chosen on the login page becomes the account's; without one, the account's is restored.</summary>
    private async Task KeepLanguage(string name)
    {
        if (await accounts.FindByNameAsync(name) is not { } user)
        {
            return;
        }

        var chosen = Request.Cookies[ConsoleLanguages.CookieName];
        if (ConsoleLanguages.IsKnown(chosen))
        {
            await accounts.SetLanguageAsync(user.Id, chosen!);
        }
        else
        {
            LanguageModel.Remember(Response, user.Language, clock);
        }
    }

    private string LocalOrHome(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
