using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>A queued burst as its page shows it: the request, its status, the runs made so far, and their deliveries counted.</summary>
public sealed record BurstOverview(QueuedBurst Burst, IReadOnlyList<RunRecord> Runs, DeliverySummary Deliveries)
{
    /// <summary>Queued or running: the worker has not finished its committees yet.</summary>
    public bool InProgress => Burst.Status is "queued" or "running";

    /// <summary>Committee runs that have ended (succeeded, failed or interrupted), of those recorded so far.</summary>
    public int RunsFinished => Runs.Count(r => r.IsFinished);
}

/// <summary>Reads a console or API burst with the runs it made (burst_runs) and their deliveries.</summary>
public sealed class BurstOverviews(QueuedBurstStore bursts, BurstStore burstRuns, RunStore runs, Outbox outbox)
{
    public BurstOverview? Find(long id)
    {
        if (bursts.Find(id) is not { } burst)
        {
            return null;
        }

        var made = burstRuns.Runs(id).Select(runs.Find).OfType<RunRecord>().ToList();
        var deliveries = outbox.List(runIds: made.Select(r => r.Id).ToList());
        return new BurstOverview(burst, made, new DeliverySummary(
            made.Count,
            deliveries.Count(d => d.Status == DeliveryStatus.Sent),
            deliveries.Count(d => d.Status == DeliveryStatus.Pending),
            deliveries.Count(d => d.Status == DeliveryStatus.Failed),
            deliveries.Count(d => d.Status == DeliveryStatus.Dead)));
    }
}
