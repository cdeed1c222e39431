using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ReportEngine.Web.Accounts;

/// <summary>401 and 403 as RFC 9457 problem details, for /api/* and Bearer callers.</summary>
public static class ConsoleProblems
{
    public static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Authentication required" : "Forbidden",
            Detail = status == StatusCodes.Status401Unauthorized
                ? "Send an API key as `Authorization: Bearer <key>` (create one with `apikeys create --role R`)."
                : "This key's or account's role does not allow this.",
        };
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        // The API's description is read by scripts and tools, not people: a refusal is a 401 they can read, not the login page.
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Authorization.ToString().StartsWith(ApiKeyAuthenticationHandler.BearerPrefix, StringComparison.OrdinalIgnoreCase);
}
