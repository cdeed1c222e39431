using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ReportEngine.Web.Api;

/// <summary>
/// What every resource of /api/v1 shares: the prefix, refusals as problem details, and the 401/403 answers
/// every endpoint can give (documented once here, in the OpenAPI document for each).
/// A logged-in person's cookie is accepted too (the authorization matrix holds sessions and keys alike); no other
/// site can spend it on a POST here: the cookie is SameSite=Strict, and a JSON body cannot be sent across sites
/// without a CORS preflight this app never grants.
/// </summary>
internal static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// <param name="tag">The resource's name in the OpenAPI document ("Runs").</param>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app, string tag)
    {
        var group = app.MapGroup(Prefix).WithTags(tag);
        group.AddEndpointFilter<RefusalsAsProblems>();
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
