using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// Renders a burst queued by the console or the API as `run --committees` does: one run per committee (up
/// to Burst:MaxParallel at once, each with the burst's trigger and requester), deliveries queued as each
/// run succeeds for the worker's sender, then the burst's summary.
/// Taken over after a crash, it keeps the committees whose run finished and redoes (as a recovery run
/// pointing back) a run left unfinished, like <see cref="ScheduledBursts"/>.
/// On PostgreSQL the committees are handed to the cluster's workers (<see cref="ClusterBursts"/>), and the committee
/// that completes the burst finishes it.
/// </summary>
internal sealed class QueuedBurstRunner(ReportEngineSettings settings, RunStore runs, RunExecutor executor,
    IOptions<SmtpOptions> smtp, IOptions<BurstOptions> options, InterruptionLimit interruptions, ClusterBursts cluster,
    ILogger<QueuedBurstRunner> logger, TimeProvider clock)
{
    /// <returns>Whether the burst is done here (rendered, or nothing to render); false when the cluster's workers finish it.</returns>
    public async Task<bool> RunAsync(QueuedBurst queued, CancellationToken cancellation)
    {
        var burst = new BurstRunner(settings, runs, clock, smtp.Value.From);
        if (cluster.Clustered)
        {
            return await HandOut(queued, burst, cancellation);
        }

        IReadOnlyList<CommitteeReport> reports;
        try
        {
            reports = burst.Prepare(queued.Template, RunParameters.Parse(queued.Parameters), queued.Committees);
        }
        catch (ReportEngineException e)
        {
            // Checked when it was queued; committees or templates changed since.
            logger.LogError("burst {Burst} ({Template} for {Committees}, {Trigger} by {RequestedBy}) renders nothing: {Error}",
                queued.Id, queued.Template, queued.Committees, queued.Trigger, queued.RequestedBy, e.Message);
            return true;
        }

        var results = await BurstLanes.RunAsync<CommitteeReport, RunRecord>(reports, options.Value.MaxParallel, report =>
        {
            var (committee, _, prepared) = report;
            var earlier = burst.Bursts.RunOf(queued.Id, committee.Id) is { } id ? runs.Find(id) : null;
            var done = earlier is { Status: RunStatus.Succeeded or RunStatus.Failed } ? earlier
                : earlier is not null ? interruptions.GiveUp(Interrupted(earlier)) : null;
            if (done is not null)
            {
                return () =>
                {
                    burst.QueueDeliveries(committee, done, prepared);
                    return Task.FromResult(done);
                };
            }

            var runId = runs.Queue(burst.QueuedRun(report, queued.Trigger, queued.RequestedBy, earlier));
            burst.Bursts.SetRun(queued.Id, committee.Id, runId);
            return async () =>
            {
                var run = await executor.ExecuteAsync(runId, cancellation);
                logger.LogInformation("run {RunId} ({Template} for committee {Committee}, {Trigger} by {RequestedBy}): {Status}{Error}",
                    run.Id, run.Template, committee.Code, run.Trigger, run.RequestedBy, run.Status, run.Error is null ? "" : ": " + run.Error);
                burst.QueueDeliveries(committee, run, prepared);
                return run;
            };
        }, cancellation);

        // The deliveries are the worker's sender's, as a scheduled burst's are: a pass of its own here would
        // collide with the sender's loop (one pass at a time), which picks them up within Delivery:PollInterval.
        var summary = burst.Bursts.Summarize(queued.Id);
        logger.LogInformation("burst {Burst} ({Template} for {Committees}, {Trigger} by {RequestedBy}): {Count} runs; deliveries: {Summary}",
            queued.Id, queued.Template, queued.Committees, queued.Trigger, queued.RequestedBy, results.Length, summary);
        return true;
    }

    /// <summary>The burst's committees to the cluster, checked against the first committee only (see ScheduledBursts.HandOut).</summary>
    private async Task<bool> HandOut(QueuedBurst queued, BurstRunner burst, CancellationToken cancellation)
    {
        IReadOnlyList<Committee> committees;
        try
        {
            committees = burst.Committees.Select(queued.Committees);
            burst.Prepare(queued.Template, RunParameters.Parse(queued.Parameters), committees[0].Code);
        }
        catch (ReportEngineException e)
        {
            logger.LogError("burst {Burst} ({Template} for {Committees}, {Trigger} by {RequestedBy}) renders nothing: {Error}",
                queued.Id, queued.Template, queued.Committees, queued.Trigger, queued.RequestedBy, e.Message);
            return true;
        }

        var added = await cluster.HandOutAsync(queued.Id, queued.Template, queued.Parameters, committees, queued.Trigger, queued.RequestedBy, null, cancellation);
        logger.LogInformation("burst {Burst} ({Template} for {Committees}, {Trigger} by {RequestedBy}): {Added} of {Count} committees handed to the workers",
            queued.Id, queued.Template, queued.Committees, queued.Trigger, queued.RequestedBy, added, committees.Count);
        return false;
    }

    /// <summary>The run a dead worker left unfinished, marked interrupted (as it reads once its process is gone).</summary>
    private RunRecord Interrupted(RunRecord earlier)
    {
        runs.Interrupt(earlier.Id, $"Interrupted: the process {earlier.ExecutedBy ?? "that queued it"} ended before the run finished; done again when the burst was taken over.");
        return runs.Find(earlier.Id)!;
    }
}
