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
/// On PostgreSQL a burst is handed to the cluster's workers and finished by the committee that completes it;
/// a worker is dead as <see cref="WorkerLiveness"/> says (its heartbeat), wherever it runs.
/// </summary>
internal sealed class QueuedBurstDispatcher(
    QueuedBurstRunner runner,
    RunStore runs,
    ReportEngineSettings settings,
    IOptions<WorkerOptions> options,
    ILogger<QueuedBurstDispatcher> logger,
    TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bursts = new QueuedBurstStore(settings.ConnectionString, clock);
        var liveness = new WorkerLiveness(runs, options.Value);
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                foreach (var burst in bursts.Waiting().Where(b => b.Status == "queued" || !IsLive(b.ExecutedBy, liveness)))
                {
                    if (bursts.TryClaim(burst, ProcessName.Current) && await runner.RunAsync(burst, stoppingToken))
                    {
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

    /// <summary>
    /// A burst marked running by this process is being rendered right now (or, on PostgreSQL, by the committees it
    /// handed out); by a dead one, it waits to be taken over.
    /// </summary>
    private static bool IsLive(string? executedBy, WorkerLiveness liveness) =>
        executedBy is not null && (executedBy == ProcessName.Current || liveness.IsAlive(executedBy, null));
}
