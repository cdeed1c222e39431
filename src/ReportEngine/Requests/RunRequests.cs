using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Reports;
using ReportEngine.Runs;

namespace ReportEngine.Requests;

/// <summary>
/// Checks a run request and queues it for the worker. The checks are the command line's own (`run`
/// calls <see cref="CheckReport"/> and <see cref="CheckBurst"/> too), so the console, the API and the
/// terminal refuse the same requests with the same messages, before anything is recorded.
/// Queued, a report is a run the worker's OnDemandDispatcher hands to its job; a burst is a queued
/// burst record the worker's QueuedBurstDispatcher renders committee by committee, then delivers.
/// </summary>
public sealed class RunRequests(ReportEngineSettings settings, TimeProvider clock)
{
    /// <summary>Refuses what `run` refuses before looking at the template: an unknown language, a language with committees.</summary>
    public static void CheckShape(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsBurst && request.Language is not null)
        {
            throw new ReportEngineException("--lang cannot be combined with --committees: each committee receives its report in its own language.");
        }

        if (request.Language is { } language && !RunRequest.Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new ReportEngineException($"Argument '{language}' not recognized. Must be one of:\n\t'{string.Join("'\n\t'", RunRequest.Languages)}'");
        }
    }

    /// <summary>One report's request resolved against its template and the data: the checks `run` makes.</summary>
    public PreparedReport CheckReport(RunRequest request)
    {
        CheckShape(request);
        using var connection = ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString);
        return new ReportRunner(settings.TemplatesPath, clock, ReportRunner.DefaultQueryTimeLimit)
            .Prepare(new ReportRequest(request.Template, request.Parameters, request.Language ?? RunRequest.DefaultLanguage), connection);
    }

    /// <summary>A burst's request checked for every committee it selects: the checks `run --committees` makes.</summary>
    public IReadOnlyList<CommitteeReport> CheckBurst(RunRequest request)
    {
        CheckShape(request);
        // Only Prepare is used: the sender address goes into deliveries, which checking makes none of.
        return new BurstRunner(settings, new RunStore(settings.ConnectionString, clock), clock, from: "").Prepare(request.Template, request.Parameters, request.Committees!);
    }

    /// <summary>Checks the request (throwing <see cref="ReportEngineException"/> with the CLI's message) without recording anything.</summary>
    public void Check(RunRequest request)
    {
        if (request.IsBurst)
        {
            CheckBurst(request);
        }
        else
        {
            CheckReport(request);
        }
    }

    /// <summary>
    /// Checks the request and queues it for the worker. With an idempotency key, a request the same
    /// requester queued before under that key answers with what it made (Repeated) and queues nothing;
    /// a different request under a used key is refused (<see cref="IdempotencyConflictException"/>).
    /// </summary>
    /// <param name="trigger"><see cref="RunTrigger.Console"/> or <see cref="RunTrigger.Api"/>.</param>
    /// <param name="requestedBy">The user name, or apikey:&lt;name&gt;.</param>
    public QueuedRequest Queue(RunRequest request, string trigger, string requestedBy, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        if (trigger is not (RunTrigger.Console or RunTrigger.Api))
        {
            throw new ArgumentException($"Requests are queued with the trigger {RunTrigger.Console} or {RunTrigger.Api}, not {trigger}.", nameof(trigger));
        }

        var keys = new IdempotencyKeys(settings.ConnectionString, clock);
        var fingerprint = IdempotencyKeys.Fingerprint(request);
        if (idempotencyKey is not null && keys.Find(requestedBy, idempotencyKey, fingerprint) is { } earlier)
        {
            return earlier;
        }

        // Checked outside the write transaction: preparing a report reads the data and may take a while.
        var template = request.IsBurst ? CheckBurst(request)[0].Prepared.Template.Name : CheckReport(request).Template.Name;
        var now = RunStore.Timestamp(clock.GetUtcNow());
        return keys.Record(requestedBy, idempotencyKey, fingerprint, (connection, transaction) => request.IsBurst
            ? new QueuedRequest(null, QueuedBurstStore.Queue(connection, transaction, template, request.Parameters, request.Committees!, trigger, requestedBy, now), false)
            : new QueuedRequest(RunStore.Queue(new RunRecord
            {
                Template = template,
                Language = request.Language ?? RunRequest.DefaultLanguage,
                Parameters = RunParameters.Format(request.Parameters),
                Trigger = trigger,
                RequestedBy = requestedBy,
                Status = RunStatus.Queued,
                QueuedAt = now,
            }, connection, transaction), null, false));
    }
}
