using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// One committee's run of a burst when several workers serve the database: whichever worker's job gets the
/// committee, the committee ends with one finished run. Looked up by (burst, committee):
/// - a finished run (succeeded or failed) is the answer; nothing is redone;
/// - a run a live worker executes (or has queued and is about to start) is waited for, polling, until it
///   finishes or its worker dies (<see cref="WorkerLiveness"/>);
/// - a run of a dead worker, or interrupted, is taken over: marked interrupted, and redone as a recovery run
///   pointing back at it (or failed, after Worker:MaxInterruptions), recorded in one transaction that only one
///   worker can commit (<see cref="ClusterRunStore.QueueCommitteeRun"/>);
/// - no run yet: a first run, recorded with the committee's place in the burst in one transaction.
/// A worker that loses a race looks again and finds the winner's run.
/// </summary>
internal sealed class ClusterCommitteeRuns(RunStore runs, RunExecutor executor, InterruptionLimit interruptions, IOptions<WorkerOptions> worker,
    ILogger<ClusterCommitteeRuns> logger)
{
    private readonly ClusterRunStore _store = new(runs.ConnectionString, runs.Clock);
    private readonly WorkerLiveness _liveness = new(runs, worker.Value);

    /// <summary>
    /// A committee of the burst whose run a dead worker left unfinished, if any. Quartz recovers that worker's job only
    /// after the ones already due (its recovery trigger is due when the job first fired, after every committee still
    /// waiting), so the next committee job on any worker takes it over first: within a check-in and one run, not the
    /// rest of the burst.
    /// </summary>
    public long? OrphanedCommittee(long burstId) =>
        _store.UnfinishedOfOthers(burstId).Where(o => !_liveness.IsAlive(o.Run)).Select(o => (long?)o.CommitteeId).FirstOrDefault();

    /// <summary>
    /// Records a committee whose report could not be prepared as its failed run in the burst, unless the committee has a
    /// run already (another worker's job got it first, or it was prepared before the change): that run stands.
    /// </summary>
    public void RecordUnprepared(long burstId, UnpreparedCommittee committee)
    {
        if (_store.RecordUnprepared(burstId, committee) is { } runId)
        {
            logger.LogWarning("run {RunId} ({Template} for committee {CommitteeId}): failed before it started: {Error}",
                runId, committee.Run.Template, committee.CommitteeId, committee.Error);
        }
    }

    public async Task<RunRecord> RunAsync(BurstRunner burst, long burstId, CommitteeReport report, string trigger, string requestedBy,
        string? scheduledFor, CancellationToken cancellation)
    {
        var committee = report.Committee;
        while (true)
        {
            var earlier = burst.Bursts.RunOf(burstId, committee.Id) is { } id ? runs.Find(id) : null;
            if (earlier is { Status: RunStatus.Succeeded or RunStatus.Failed })
            {
                return earlier;
            }

            if (earlier is { Status: RunStatus.Queued or RunStatus.Running } && _liveness.IsAlive(earlier))
            {
                await Task.Delay(worker.Value.PollInterval, runs.Clock, cancellation);
                continue;
            }

            long? queued;
            if (earlier is null)
            {
                queued = _store.QueueCommitteeRun(burstId, committee.Id, burst.QueuedRun(report, trigger, requestedBy, null, scheduledFor), null);
            }
            else
            {
                runs.Interrupt(earlier.Id, $"Interrupted: the worker {earlier.ExecutedBy ?? "that queued it"} died before the run finished; done again by another worker.");
                var interrupted = runs.Find(earlier.Id)!;
                if (interrupted.Status != RunStatus.Interrupted)
                {
                    continue; // it finished after all (its PDF was found archived): look again
                }

                if (interruptions.GiveUp(interrupted) is { } failed)
                {
                    return failed;
                }

                queued = _store.QueueCommitteeRun(burstId, committee.Id, burst.QueuedRun(report, trigger, requestedBy, interrupted, scheduledFor), earlier.Id);
                if (queued is not null)
                {
                    logger.LogWarning("run {RunId} ({Template} for committee {Committee}) of {Worker}: taken over as run {NewRunId}",
                        earlier.Id, earlier.Template, committee.Code, earlier.ExecutedBy, queued);
                }
            }

            if (queued is not { } runId)
            {
                continue; // another worker recorded it first: its run is found at the next look
            }

            var run = await executor.ExecuteAsync(runId, cancellation);
            logger.LogInformation("run {RunId} ({Template} for committee {Committee}, {Trigger} by {RequestedBy}): {Status}{Error}",
                run.Id, run.Template, committee.Code, run.Trigger, run.RequestedBy, run.Status, run.Error is null ? "" : ": " + run.Error);
            return run;
        }
    }
}
