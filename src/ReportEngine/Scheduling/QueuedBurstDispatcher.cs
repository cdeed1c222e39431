using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// The sibling of <see cref="OnDemandDispatcher"/> for bursts queued by the console or the API: each poll
/// claims waiting bursts (and bursts left running by a worker that died) and renders them, one at a
/// time, with <see cref="QueuedBurstRunner"/>. A burst is claimed by status, so it is never taken twice.
/// </summary>
internal sealed class QueuedBurstDispatcher(
    QueuedBurstRunner runner,
    ReportEngineSettings settings,
    IOptions<WorkerOptions> options,
    ILogger<QueuedBurstDispatcher> logger,
    TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bursts = new QueuedBurstStore(settings.ConnectionString, clock);
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                foreach (var burst in bursts.Waiting().Where(b => b.Status == "queued" || !IsLive(b.ExecutedBy)))
                {
                    if (bursts.TryClaim(burst, ProcessName.Current))
                    {
                        await runner.RunAsync(burst, stoppingToken);
                        bursts.Finish(burst.Id);
                    }
                }
            }
#pragma warning disable CA1031 // A busy database must not stop the worker: the next poll tries again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning("Could not render queued bursts: {Error}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>A burst marked running by this process is being rendered right now; by a dead one, it waits to be taken over.</summary>
    private static bool IsLive(string? executedBy) => executedBy is not null && (executedBy == ProcessName.Current || ProcessName.IsAlive(executedBy));
}
