using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// The least role each folder of Web/Pages needs. Everything needs a viewer; a folder that needs more is
/// listed here (one line per area). Only the login page and the language switch are open to anyone.
/// </summary>
internal static class PageFolders
{
    public static void Authorize(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/", ConsolePolicies.Viewer);
        pages.AuthorizeFolder("/Run", ConsolePolicies.Operator);
        pages.AuthorizeFolder("/Users", ConsolePolicies.Admin);
        pages.AuthorizeFolder("/ApiKeys", ConsolePolicies.Admin);
        pages.AuthorizeFolder("/Audit", ConsolePolicies.Admin);
        pages.AuthorizePage("/Deliveries/Retry", ConsolePolicies.Operator);
        pages.AuthorizePage("/Committees/Edit", ConsolePolicies.Operator);
        pages.AuthorizePage("/Committees/Import", ConsolePolicies.Operator);
        pages.AuthorizePage("/Schedules/RunNow", ConsolePolicies.Operator);
        pages.AllowAnonymousToPage("/Login");
        pages.AllowAnonymousToPage("/Language");
    }
}
