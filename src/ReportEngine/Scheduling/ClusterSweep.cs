using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// PostgreSQL: every live worker looks, each Worker:PollInterval, for runs still marked running by a worker that
/// is dead (<see cref="WorkerLiveness"/>), so a dead worker's runs do not wait for a restart that may never come.
/// Each is marked interrupted (guarded by its status: one worker does it). A committee's run of a burst and a
/// schedule's run are left to their recovered Quartz job (<see cref="ClusterCommitteeRuns"/>, <see cref="ReportJob"/>),
/// which redoes them; a run asked for on demand (command line, console, API) is queued again here as a recovery run
/// pointing back at it (0014's index lets one worker do that once) and handed to the on-demand job.
/// </summary>
internal sealed class ClusterSweep(
    ISchedulerFactory schedulers,
    RunStore runs,
    InterruptionLimit interruptions,
    IOptions<WorkerOptions> options,
    ILogger<ClusterSweep> logger,
    TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var liveness = new WorkerLiveness(runs, options.Value);
        if (!liveness.Clustered)
        {
            return; // one worker per SQLite database: it settles what its predecessor left at its start (InterruptedRuns)
        }

        var store = new ClusterRunStore(runs.ConnectionString, clock);
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                foreach (var run in AbandonedRuns.Interrupt(runs, includeQueuedFirings: false, liveness))
                {
                    logger.LogWarning("run {RunId} ({Template}): its worker {Worker} is dead; marked interrupted", run.Id, run.Template, run.ExecutedBy);
                    if (run.ScheduleId is null && !store.InBurst(run.Id))
                    {
                        Requeue(run, store);
                    }
                }

                // Recoveries queued by a sweep whose worker died before handing them on, and this sweep's own.
                foreach (var id in store.WaitingRecoveries(clock.GetUtcNow() - options.Value.PollInterval))
                {
                    await scheduler.ScheduleTrigger(OnDemandDispatcher.TriggerFor(id), TriggerConflict.Keep, stoppingToken);
                }
            }
#pragma warning disable CA1031 // A busy database must not stop the worker: the next poll tries again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning("Could not look for runs of dead workers: {Error}", e.Message);
            }
        }
    }

    private void Requeue(RunRecord abandoned, ClusterRunStore store)
    {
        var interrupted = runs.Find(abandoned.Id)!;
        if (interruptions.GiveUp(interrupted) is not null)
        {
            return;
        }

        var id = store.QueueOnce(interrupted with
        {
            Trigger = RunTrigger.Recovery,
            RecoversRunId = interrupted.Id,
            Attempt = interrupted.Attempt + 1,
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(clock.GetUtcNow()),
        });
        if (id is { } queued)
        {
            logger.LogWarning("run {RunId} ({Template}) is done again as run {NewRunId}", interrupted.Id, interrupted.Template, queued.ToString(CultureInfo.InvariantCulture));
        }
    }
}
