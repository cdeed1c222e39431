using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// While the worker serves, `run` (and the console and the API) queue requests in the runs table
/// instead of rendering in their own process; this loop hands each queued run to the on-demand job (the same job path as the
/// schedules), and says every poll that the worker is alive, which is how `run` knows to queue.
/// Handing over is idempotent: the trigger is keyed by run id and the job skips a run that is
/// no longer queued.
/// </summary>
internal sealed class OnDemandDispatcher(
    ISchedulerFactory schedulers,
    RunStore runs,
    IOptions<WorkerOptions> options,
    ILogger<OnDemandDispatcher> logger,
    TimeProvider clock) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ReportJob>()
            .WithIdentity(ReportJob.OnDemandJob)
            .WithDescription("Runs queued by the command line, the console and the API")
            .StoreDurably()
            .RequestRecovery()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        runs.Heartbeat(ProcessName.Current, clock.GetUtcNow());
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        runs.SignOff(ProcessName.Current);
    }

    /// <summary>The trigger that hands a queued run to the on-demand job, keyed by the run's id (so it is handed over once).</summary>
    public static ITrigger TriggerFor(long runId) =>
        TriggerBuilder.Create()
            .WithIdentity("run-" + runId.ToString(CultureInfo.InvariantCulture), ReportJob.RunsGroup)
            .ForJob(ReportJob.OnDemandJob)
            .UsingJobData(ReportJob.RunIdData, runId.ToString(CultureInfo.InvariantCulture))
            .StartNow()
            .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow();
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                runs.Heartbeat(ProcessName.Current, started);
                foreach (var run in runs.QueuedOnDemand())
                {
                    var result = await scheduler.ScheduleTrigger(TriggerFor(run.Id), TriggerConflict.Keep, stoppingToken);
                    logger.LogDebug("run {RunId} queued by {User}: {Outcome}", run.Id, run.RequestedBy, result.Outcome);
                }
            }
#pragma warning disable CA1031 // A busy database must not stop the worker: the next poll tries again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning("Could not look for on-demand runs: {Error}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
