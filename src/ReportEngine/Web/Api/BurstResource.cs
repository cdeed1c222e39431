using System.Globalization;
using System.Text.Json;
using ReportEngine.Delivery;

namespace ReportEngine.Web.Api;

/// <summary>
/// A burst queued through the API or the console: queued, running (committee by committee), then finished.
/// Runs: the ids of the runs it has made so far, one per committee (GET /api/v1/runs/{id} each).
/// </summary>
public sealed record BurstResource(long Id, string Status, string Template, JsonElement Parameters, string Committees, string Trigger, string RequestedBy,
    IReadOnlyList<long> Runs)
{
    public static string Location(long id) => string.Create(CultureInfo.InvariantCulture, $"{ApiRoutes.Prefix}/bursts/{id}");

    public static BurstResource From(QueuedBurst burst, IReadOnlyList<long> runs)
    {
        using var parameters = JsonDocument.Parse(burst.Parameters);
        return new BurstResource(burst.Id, burst.Status, burst.Template, parameters.RootElement.Clone(), burst.Committees, burst.Trigger, burst.RequestedBy, runs);
    }
}
