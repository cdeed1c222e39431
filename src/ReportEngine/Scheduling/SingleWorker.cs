using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// Refuses to start a second worker on a database another live worker serves: Quartz's SQLite store
/// locks within one process only, and without clustering two schedulers would fire every trigger
/// twice. The check is the atomic claim of the serving lease (not a look at who else is there), so
/// two workers started at the same moment cannot both pass. Registered first, so the refusal comes
/// before anything else starts; the lease is renewed every poll and given up at stop.
/// On PostgreSQL there is no lease: Quartz's job store there is clustered, so every worker started on the
/// database joins the others (the scale-out path); this service only says so once at start.
/// </summary>
internal sealed class SingleWorker(RunStore runs, IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SingleWorker> logger, TimeProvider clock) : BackgroundService
{
    /// <summary>
    /// Test-only hook: a folder. The worker writes &lt;pid&gt;.ready there and waits for a file named "go"
    /// before claiming, so a test can release two workers at the same moment. Never set it in production.
    /// </summary>
    public const string StartBarrierVariable = "REPORTENGINE_TEST_SERVE_BARRIER";

    private readonly ServingLease _lease = new(runs.ConnectionString, clock);

    private readonly bool _clustered = StateDatabase.IsPostgres(runs.ConnectionString);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Claim(runs, clock, cancellationToken);
        if (_clustered)
        {
            logger.LogInformation("PostgreSQL: this worker joins the cluster of workers serving {Database}", runs.Location);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the serving lease or refuses with one line. `serve` calls it before the host is built (so a
    /// refusal is the only thing printed); StartAsync again, which renews a lease this process holds.
    /// </summary>
    public static async Task Claim(RunStore runs, TimeProvider clock, CancellationToken cancellationToken)
    {
        await StartBarrier(cancellationToken);
        if (StateDatabase.IsPostgres(runs.ConnectionString))
        {
            return;
        }

        if (new ServingLease(runs.ConnectionString, clock).TryClaim() is { } other)
        {
            throw new ReportEngineException(
                $"Another worker ({other}) serves the database {runs.Location}; one worker per database. " +
                "Stop it first (a worker killed on another host counts as gone 15 s after its last heartbeat).");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_clustered)
        {
            _lease.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_clustered)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!_lease.Renew())
                {
                    logger.LogCritical("Another worker has taken over the database {Database} (this one was silent too long): stopping", runs.Location);
                    lifetime.StopApplication();
                    return;
                }
            }
#pragma warning disable CA1031 // A busy database must not stop the worker: the next poll renews.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning("Could not renew the serving lease: {Error}", e.Message);
            }
        }
    }

    private static async Task StartBarrier(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(StartBarrierVariable) is not { Length: > 0 } folder)
        {
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, $"{Environment.ProcessId}.ready"), "", cancellationToken);
        while (!File.Exists(Path.Combine(folder, "go")))
        {
            await Task.Delay(5, cancellationToken);
        }
    }
}
