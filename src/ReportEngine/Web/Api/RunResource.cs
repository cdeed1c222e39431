using System.Globalization;
using System.Text.Json;
using ReportEngine.Runs;

namespace ReportEngine.Web.Api;

/// <summary>
/// A run as GET /api/v1/runs/{id} answers it. Status is one of `runs list`'s: queued, running, succeeded,
/// failed, interrupted. Parameters: as requested while queued, as resolved once started. Times: ISO 8601 with
/// offset (<see cref="ApiTime"/>). Pdf: where to download the archived PDF, once there is one.
/// </summary>
public sealed record RunResource(
    long Id,
    string Status,
    string Template,
    string? TemplateVersion,
    string Language,
    JsonElement Parameters,
    string Trigger,
    string RequestedBy,
    string? ScheduleId,
    long Attempt,
    string QueuedAt,
    string? StartedAt,
    string? FinishedAt,
    long? Pages,
    long? Bytes,
    string? Sha256,
    string? DocumentNumber,
    string? DocumentDate,
    string? DataAsOf,
    string? Error,
    string? Pdf)
{
    public static string Location(long id) => string.Create(CultureInfo.InvariantCulture, $"{ApiRoutes.Prefix}/runs/{id}");

    public static RunResource From(RunRecord run, ApiTime time)
    {
        using var parameters = JsonDocument.Parse(run.Parameters);
        return new RunResource(
            run.Id, run.Status, run.Template, run.TemplateVersion, run.Language, parameters.RootElement.Clone(), run.Trigger, run.RequestedBy,
            run.ScheduleId, run.Attempt, time.Show(run.QueuedAt)!, time.Show(run.StartedAt), time.Show(run.FinishedAt),
            run.Pages, run.Bytes, run.Sha256, run.DocumentNumber, run.DocumentDate, run.DataAsOf, run.Error,
            run.ArchivePath is null ? null : Location(run.Id) + "/pdf");
    }
}

/// <summary>One page of GET /api/v1/runs, newest first; Next is the cursor of the following (older) page, null on the last.</summary>
public sealed record RunPageResource(IReadOnlyList<RunResource> Runs, string? Next);
