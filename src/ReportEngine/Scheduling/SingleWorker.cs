using Microsoft.Extensions.Hosting;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// Refuses to start a second worker on a database another live worker serves: Quartz's SQLite store
/// locks within one process only, and without clustering two schedulers would fire every trigger
/// twice. Registered first, so the refusal comes before anything else starts.
/// </summary>
internal sealed class SingleWorker(RunStore runs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var others = runs.LiveWorkers(WorkerOptions.Silence);
        return others.Count == 0
            ? Task.CompletedTask
            : throw new ReportEngineException(
                $"Another worker ({string.Join(", ", others)}) serves the database {runs.File}; one worker per database. " +
                "Stop it first (a worker killed on another host counts as gone 15 s after its last heartbeat).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
