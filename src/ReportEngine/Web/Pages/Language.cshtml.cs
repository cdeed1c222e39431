using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages;

/// <summary>
/// The language switch in every page's header: a form (works without JavaScript) that sets the language
/// cookie and, for a signed-in person, their account's language, then goes back where it came from.
/// </summary>
public sealed class LanguageModel(AccountStore accounts, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        if (!ConsoleLanguages.IsKnown(language))
        {
            return BadRequest();
        }

        Remember(Response, language!, clock);
        if (User.Identity?.IsAuthenticated == true && User.Identity.Name is { } name && await accounts.FindByNameAsync(name) is { } user)
        {
            await accounts.SetLanguageAsync(user.Id, language!);
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>The language cookie: a year long, not readable by script, never sent cross-site.</summary>
    public static void Remember(HttpResponse response, string language, TimeProvider clock) =>
        response.Cookies.Append(ConsoleLanguages.CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Expires = clock.GetUtcNow().AddYears(1),
        });
}
