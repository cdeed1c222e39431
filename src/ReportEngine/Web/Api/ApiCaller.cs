using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ReportEngine.Web.Api;

/// <summary>Who calls, as the runs table and the audit log name them: "apikey:&lt;name&gt;" for a key, the user name for a session.</summary>
internal static class ApiCaller
{
    public static string Name(ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? name : throw new InvalidOperationException("An authorized caller has no name.");

    public static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
