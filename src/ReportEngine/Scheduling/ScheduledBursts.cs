using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// A schedule with committees: one run per committee at each firing, their deliveries queued for the
/// worker's sender. Idempotent like every job: the burst is found again by (schedule, fire time), so a
/// firing recovered after a crash keeps the committees whose run had finished and redoes (as a new run
/// pointing back at it) only a run that was left queued, running or interrupted. A finished run is
/// never redone; a succeeded run's deliveries are recorded again, which changes nothing. Committees render
/// up to Burst:MaxParallel at once, their runs queued in committee order.
/// On PostgreSQL the firing only hands the committees to the cluster's workers (<see cref="ClusterBursts"/>),
/// each committee a job of its own; the burst row is made once however many workers get there.
/// </summary>
internal sealed class ScheduledBursts(ReportEngineSettings settings, RunStore runs, RunExecutor executor, IOptions<SmtpOptions> smtp,
    IOptions<BurstOptions> options, InterruptionLimit interruptions, ClusterBursts cluster, ILogger<ScheduledBursts> logger, TimeProvider clock)
{
    public async Task RunAsync(ScheduledReport schedule, DateTimeOffset firing, TimeZoneInfo zone, CancellationToken cancellation)
    {
        var burst = new BurstRunner(settings, runs, clock, smtp.Value.From);
        var parameters = schedule.ParametersAt(firing, zone);
        var scheduledFor = RunStore.Timestamp(firing);
        if (cluster.Clustered)
        {
            await HandOut(schedule, burst, parameters, scheduledFor, cancellation);
            return;
        }

        IReadOnlyList<CommitteeReport> reports;
        try
        {
            reports = burst.Prepare(schedule.Template, parameters, schedule.Committees!);
        }
        catch (ReportEngineException e)
        {
            logger.LogError("schedule {Schedule}: the firing of {Firing} renders nothing: {Error}", schedule.Id, scheduledFor, e.Message);
            return;
        }

        var requestedBy = "schedule:" + schedule.Id;
        var burstId = burst.Bursts.FindFor(schedule.Id, scheduledFor)
            ?? burst.Bursts.Create(schedule.Template, RunParameters.Format(parameters), schedule.Committees!, requestedBy, schedule.Id, scheduledFor);
        await BurstLanes.RunAsync<CommitteeReport, RunRecord>(reports, options.Value.MaxParallel, report =>
        {
            var (committee, request, prepared) = report;
            var earlier = burst.Bursts.RunOf(burstId, committee.Id) is { } id ? runs.Find(id) : null;
            if (earlier is { Status: RunStatus.Succeeded or RunStatus.Failed })
            {
                return () =>
                {
                    burst.QueueDeliveries(committee, earlier, prepared);
                    return Task.FromResult(earlier);
                };
            }

            if (earlier is not null && interruptions.GiveUp(earlier) is { } failed)
            {
                return () =>
                {
                    burst.QueueDeliveries(committee, failed, prepared);
                    return Task.FromResult(failed);
                };
            }

            var runId = Requeue(burstId, report, earlier, requestedBy, scheduledFor, burst);
            return async () =>
            {
                var run = await executor.ExecuteAsync(runId, cancellation);
                logger.LogInformation("run {RunId} ({Template} for committee {Committee}, {Trigger} by {RequestedBy}): {Status}{Error}",
                    run.Id, run.Template, committee.Code, run.Trigger, run.RequestedBy, run.Status, run.Error is null ? "" : ": " + run.Error);
                burst.QueueDeliveries(committee, run, prepared);
                return run;
            };
        }, cancellation);

        var summary = burst.Bursts.Summarize(burstId);
        logger.LogInformation("schedule {Schedule}: burst {Burst} for the firing of {Firing}: deliveries: {Summary}", schedule.Id, burstId, scheduledFor, summary);
    }

    /// <summary>Queues the committee's run (a recovery of the earlier one, if it was left unfinished) and points the burst at it.</summary>
    private long Requeue(long burstId, CommitteeReport report, RunRecord? earlier, string requestedBy,
        string scheduledFor, BurstRunner burst)
    {
        var committee = report.Committee;
        if (earlier is not null)
        {
            runs.Interrupt(earlier.Id, $"Interrupted: the process {earlier.ExecutedBy ?? "that queued it"} ended before the run finished; done again by a recovered firing.");
        }

        // No schedule_id: the schedule's firing is the burst's (bursts.schedule_id), and one schedule id
        // on many runs would read to the single-report recovery as a firing left unfinished.
        var id = runs.Queue(burst.QueuedRun(report, RunTrigger.Schedule, requestedBy, earlier, scheduledFor));
        burst.Bursts.SetRun(burstId, committee.Id, id);
        return id;
    }

    /// <summary>
    /// The firing's committees to the cluster. Checked first against the first committee only (a template or parameter
    /// mistake is the same for all): preparing thousands of committees here would keep every other worker waiting;
    /// each committee's job prepares its own.
    /// </summary>
    private async Task HandOut(ScheduledReport schedule, BurstRunner burst, IReadOnlyDictionary<string, string> parameters, string scheduledFor,
        CancellationToken cancellation)
    {
        IReadOnlyList<Committee> committees;
        try
        {
            committees = burst.Committees.Select(schedule.Committees!);
            burst.Prepare(schedule.Template, parameters, committees[0].Code);
        }
        catch (ReportEngineException e)
        {
            logger.LogError("schedule {Schedule}: the firing of {Firing} renders nothing: {Error}", schedule.Id, scheduledFor, e.Message);
            return;
        }

        var requestedBy = "schedule:" + schedule.Id;
        var burstId = new ClusterRunStore(settings.ConnectionString, clock)
            .BurstFor(schedule.Template, RunParameters.Format(parameters), schedule.Committees!, requestedBy, schedule.Id, scheduledFor);
        var added = await cluster.HandOutAsync(burstId, schedule.Template, RunParameters.Format(parameters), committees, RunTrigger.Schedule,
            requestedBy, scheduledFor, cancellation);
        logger.LogInformation("schedule {Schedule}: burst {Burst} for the firing of {Firing}: {Added} of {Count} committees handed to the workers",
            schedule.Id, burstId, scheduledFor, added, committees.Count);
    }
}
