using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;

namespace ReportEngine.Delivery;

/// <summary>
/// The worker's sender: a pass over the outbox every Delivery:PollInterval. A pass that fails (the
/// database busy, a file system error) is logged and the next one tries again; nothing stops the host.
/// On stop, the delivery being sent finishes (bounded by Smtp:TimeoutSeconds) and the rest wait.
/// </summary>
internal sealed class DeliveryWorker(DeliverySender sender, IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger, TimeProvider clock)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                var pass = await sender.SendDueAsync(null, stoppingToken);
                if (pass.Sent + pass.Failed + pass.Retrying > 0)
                {
                    logger.LogInformation("deliveries: {Pass}", pass);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass is logged; the next one tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError("deliveries: the pass failed and is tried again in {Interval}: {Error}", options.Value.PollInterval, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
