using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Api;

/// <summary>/api/v1/bursts/{id} (viewer): a burst POST /api/v1/runs queued, and the ids of the runs it has made so far.</summary>
public static class BurstsApi
{
    public static IEndpointRouteBuilder MapBurstsApi(this IEndpointRouteBuilder app)
    {
        ApiRoutes.Group(app, "Bursts").MapGet("/bursts/{id:long}", Get)
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("getBurst")
            .WithSummary("A queued burst: its status (queued, running, finished) and its runs' ids")
            .Produces<BurstResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Get(long id, QueuedBurstStore bursts, BurstStore runs) =>
        bursts.Find(id) is { } burst
            ? TypedResults.Ok(BurstResource.From(burst, runs.Runs(id)))
            : ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no queued burst {id}."));
}
