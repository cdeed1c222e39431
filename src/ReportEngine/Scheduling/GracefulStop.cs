using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Configuration;

namespace ReportEngine.Scheduling;

/// <summary>The reports this process is rendering right now, so a stop can wait for them.</summary>
internal sealed class RunningReports
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IDisposable Enter()
    {
        Interlocked.Increment(ref _count);
        return new Exit(this);
    }

    private sealed class Exit(RunningReports owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref owner._count);
            }
        }
    }
}

/// <summary>
/// On SIGTERM: stops firing, then lets running reports finish within Worker:GracePeriod. Registered
/// after Quartz, so it stops first. Quartz then shuts down without waiting and interrupts what still
/// runs (ShutdownJobInterruption.WhenNotWaitingForJobs); such a run is marked interrupted and, as
/// its job requests recovery, handed back to the store and run again at the next start.
/// </summary>
internal sealed class GracefulStop(
    ISchedulerFactory schedulers,
    RunningReports running,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<GracefulStop> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new firing while we wait: what comes due now is a misfire, settled at the next start.
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.Standby(cancellationToken);

        var grace = options.Value.GracePeriod;
        var deadline = clock.GetUtcNow() + grace;
        if (running.Count > 0)
        {
            logger.LogInformation("Stopping: waiting up to {Grace} for {Count} running report(s) to finish", grace, running.Count);
        }

        while (running.Count > 0 && clock.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, CancellationToken.None);
        }

        if (running.Count > 0)
        {
            logger.LogWarning("The grace period ({Grace}) is over: interrupting {Count} report(s); they run again at the next start", grace, running.Count);
        }
    }
}
