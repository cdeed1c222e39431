using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ReportEngine.Archive;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Api;

/// <summary>
/// /api/v1/runs: queue a report or a burst (operator), list and get runs, download a run's archived PDF
/// (viewer). Requests are checked and queued by the RunRequests the console's form uses, with the checks
/// and messages of `run`; runs are read by the RunQueries of the console's runs page.
/// </summary>
public static partial class RunsApi
{
    /// <summary>The header a script repeats on a retried POST so the request is queued once (draft-ietf-httpapi-idempotency-key-header).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set on the answer to a POST that repeated an earlier one: nothing new was queued.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    private const int MaxIdempotencyKeyLength = 200;

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = ApiRoutes.Group(app, "Runs");
        api.MapPost("/runs", Queue)
            .RequireAuthorization(ConsolePolicies.Operator)
            .WithName("queueRun")
            .WithSummary("Queue a report, or a burst to committees, for the worker")
            .WithDescription("Give an `Idempotency-Key` header to make a retried POST safe: the same key and body answer with what the first " +
                             "request queued (202, header Idempotent-Replayed: true); the same key with another body is refused (422).")
            // Described, not declared with Accepts(): routing would answer a non-JSON body 415 before authorization (a viewer must get 403).
            .WithMetadata(new ApiDocument.JsonRequestBody(typeof(RunRequestBody)))
            .WithMetadata(new ApiDocument.RequestHeader(IdempotencyKeyHeader,
                "Any unique text (a UUID serves well), 1 to 200 printable ASCII characters; repeat it on a retried POST."))
            .Produces<RunResource>(StatusCodes.Status202Accepted)
            .Produces<BurstResource>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/runs", List)
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("listRuns")
            .WithSummary("Runs, newest first, a page at a time (pass the answer's `next` as `cursor`)")
            .Produces<RunPageResource>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/runs/{id:long}", Get)
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("getRun")
            .WithSummary("One run: status, pages, size, SHA-256, document number, error")
            .Produces<RunResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/runs/{id:long}/pdf", Pdf)
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("getRunPdf")
            .WithSummary("The run's archived PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Queue(HttpContext http, ClaimsPrincipal user, RunRequests requests, RunQueries runs, QueuedBurstStore bursts,
        BurstStore burstRuns, AuditLog audit, ApiTime time)
    {
        if (!http.Request.HasJsonContentType())
        {
            return ApiProblems.NotJson();
        }

        RunRequestBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<RunRequestBody>(http.RequestAborted);
        }
        catch (JsonException e)
        {
            // An unknown member said in the request's terms, not in .NET's (the caller knows no .NET type).
            return ApiProblems.Refused("The body is not a run request: "
                + UnknownMember().Replace(e.Message, " is not a member of a run request (template, language, parameters, committees)"));
        }

        var request = (body ?? throw new ReportEngineException("The body is empty; send a run request as a JSON object.")).ToRequest();
        var key = IdempotencyKey(http.Request);
        var caller = ApiCaller.Name(user);
        var queued = requests.Queue(request, RunTrigger.Api, caller, key);

        var what = queued.RunId is { } r ? $"run {r}" : $"burst {queued.BurstId}";
        var detail = $"{request.Template} {RunParameters.Describe(RunParameters.Format(request.Parameters))}"
                     + (request.Committees is { } c ? $" committees={c}" : $" lang={request.Language ?? RunRequest.DefaultLanguage}")
                     + (key is null ? "" : queued.Repeated ? $" (repeated: Idempotency-Key {key})" : $" (Idempotency-Key {key})");
        await audit.WriteAsync(caller, queued.RunId is null ? AuditActions.BurstQueued : AuditActions.RunQueued, what, detail, ApiCaller.Address(http));

        if (queued.Repeated)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        // The run or burst as it stands now: for a repeated request it may have moved on from "queued".
        return queued.RunId is { } runId
            ? TypedResults.Accepted(RunResource.Location(runId), RunResource.From(runs.Find(runId)!, time))
            : TypedResults.Accepted(BurstResource.Location(queued.BurstId!.Value),
                BurstResource.From(bursts.Find(queued.BurstId.Value)!, burstRuns.Runs(queued.BurstId.Value)));
    }

    /// <summary>The header's key; the draft writes it as a structured-field string ("abc"), scripts often bare (abc): both mean abc.</summary>
    private static string? IdempotencyKey(HttpRequest request)
    {
        var header = request.Headers[IdempotencyKeyHeader].ToString().Trim();
        if (header.Length >= 2 && header[0] == '"' && header[^1] == '"')
        {
            header = header[1..^1];
        }

        if (header.Length == 0)
        {
            return null;
        }

        return header.Length <= MaxIdempotencyKeyLength && header.All(ch => ch is >= ' ' and <= '~')
            ? header
            : throw new ReportEngineException($"The {IdempotencyKeyHeader} header must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters (a UUID serves well).");
    }

    private static Ok<RunPageResource> List(RunQueries runs, ApiTime time, string? template, string? status, string? from, string? to, string? requestedBy,
        string? limit, string? cursor)
    {
        var filter = new RunFilter(Given(template), Given(status), time.Bound(from, "from", upper: false), time.Bound(to, "to", upper: true), Given(requestedBy));
        var page = runs.Page(filter, Cursor(cursor), PageSize(limit));
        return TypedResults.Ok(new RunPageResource(
            [.. page.Runs.Select(run => RunResource.From(run, time))],
            page.NextBefore?.ToString(CultureInfo.InvariantCulture)));
    }

    private static IResult Get(long id, RunQueries runs, ApiTime time) =>
        runs.Find(id) is { } run ? TypedResults.Ok(RunResource.From(run, time)) : ApiProblems.NotFound(NoRun(id));

    /// <summary>By run id only: the file is the one the run recorded, found under the archive root; nothing of the request names a path.</summary>
    private static IResult Pdf(long id, RunQueries runs, ReportArchive archive)
    {
        var run = runs.Find(id);
        if (run is null)
        {
            return ApiProblems.NotFound(NoRun(id));
        }

        if (run.ArchivePath is null)
        {
            return ApiProblems.NotFound($"Run {id} has no archived PDF (its status is {run.Status}).");
        }

        var file = archive.FullPath(run.ArchivePath);
        if (!File.Exists(file))
        {
            return ApiProblems.NotFound($"The archived PDF of run {id} is missing from the archive (`archive verify` reports it).");
        }

        return TypedResults.PhysicalFile(file, "application/pdf", run.Template + "-" + Path.GetFileName(file),
            entityTag: run.Sha256 is null ? null : new EntityTagHeaderValue("\"" + run.Sha256 + "\""));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" could not be mapped to any \.NET member( contained in type '[^']*')?")]
    private static partial System.Text.RegularExpressions.Regex UnknownMember();

    private static string NoRun(long id) => string.Create(CultureInfo.InvariantCulture, $"There is no run {id}.");

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int PageSize(string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return RunQueries.DefaultPageSize;
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= RunQueries.MaxPageSize
            ? size
            : throw new ReportEngineException($"Parameter \"limit\" must be a whole number from 1 to {RunQueries.MaxPageSize}; got \"{limit}\".");
    }

    private static long? Cursor(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var before)
            ? before
            : throw new ReportEngineException($"Parameter \"cursor\" must be the \"next\" of an earlier page; got \"{cursor}\".");
    }
}
