using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Pages;

/// <summary>POST only (a link could log a person out from another site); GET goes home.</summary>
public sealed class LogoutModel(SignInManager<ConsoleUser> signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.WriteAsync(User.Identity?.Name ?? "?", AuditActions.Logout, null, null, HttpContext.Connection.RemoteIpAddress?.ToString());
        await signIn.SignOutAsync();
        return LocalRedirect("/login");
    }
}
