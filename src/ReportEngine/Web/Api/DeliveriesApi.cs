using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Api;

/// <summary>
/// /api/v1/deliveries: the outbox, filtered (viewer); retrying one delivery or a run's failed ones (operator),
/// through the DeliveryRetries `deliveries retry` and the console's retry buttons use. A retried delivery is
/// pending and due now; the worker's sender sends it.
/// </summary>
public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var api = ApiRoutes.Group(app, "Deliveries");
        api.MapGet("/deliveries", List)
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("listDeliveries")
            .WithSummary("Deliveries, oldest first; filter by status (pending, sent, failed, dead), run and committee code")
            .Produces<IReadOnlyList<DeliveryResource>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/deliveries/{id:long}/retry", RetryOne)
            .RequireAuthorization(ConsolePolicies.Operator)
            .WithName("retryDelivery")
            .WithSummary("Send a failed or dead delivery again")
            .Produces<RetryResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/runs/{id:long}/deliveries/retry", RetryFailedOfRun)
            .RequireAuthorization(ConsolePolicies.Operator)
            .WithName("retryFailedDeliveriesOfRun")
            .WithSummary("Send every failed or dead delivery of a run again")
            .Produces<RetryResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<List<DeliveryResource>> List(Outbox outbox, ApiTime time, string? status, string? run, string? committee)
    {
        status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        if (status is not null && !DeliveryStatus.All.Contains(status, StringComparer.Ordinal))
        {
            throw new ReportEngineException($"Parameter \"status\" must be one of {string.Join(", ", DeliveryStatus.All)}; got \"{status}\".");
        }

        long? runId = string.IsNullOrWhiteSpace(run) ? null
            : long.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new ReportEngineException($"Parameter \"run\" must be a run id; got \"{run}\".");
        var deliveries = outbox.List(runId, status)
            .Where(d => string.IsNullOrWhiteSpace(committee) || string.Equals(d.CommitteeCode, committee.Trim(), StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok(deliveries.Select(d => DeliveryResource.From(d, time)).ToList());
    }

    private static async Task<IResult> RetryOne(long id, HttpContext http, ClaimsPrincipal user, Outbox outbox, DeliveryRetries retries, AuditLog audit)
    {
        if (outbox.Find(id) is null)
        {
            return ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no delivery {id}."));
        }

        var count = retries.RetryOne(id);
        await audit.WriteAsync(ApiCaller.Name(user), AuditActions.DeliveryRetried, string.Create(CultureInfo.InvariantCulture, $"delivery {id}"),
            string.Create(CultureInfo.InvariantCulture, $"{count} made pending"), ApiCaller.Address(http));
        return TypedResults.Accepted((string?)null, new RetryResource(id, null, count));
    }

    private static async Task<IResult> RetryFailedOfRun(long id, HttpContext http, ClaimsPrincipal user, RunQueries runs, DeliveryRetries retries, AuditLog audit)
    {
        if (runs.Find(id) is null)
        {
            return ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no run {id}."));
        }

        var count = retries.RetryFailedOfRun(id);
        await audit.WriteAsync(ApiCaller.Name(user), AuditActions.DeliveriesRetriedOfRun, string.Create(CultureInfo.InvariantCulture, $"run {id}"),
            string.Create(CultureInfo.InvariantCulture, $"{count} made pending"), ApiCaller.Address(http));
        return TypedResults.Accepted((string?)null, new RetryResource(null, id, count));
    }
}
