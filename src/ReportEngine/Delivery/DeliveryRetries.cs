using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Delivery;

/// <summary>
/// "Send it again": one delivery, every failed delivery of one run (the run page's "retry all failed"), or
/// every failed delivery (`deliveries retry --failed`). A retried delivery is pending and due now with a
/// fresh count of attempts; the worker's sender (or `deliveries send`) sends it. The CLI, the console and
/// the API call this one service, so they refuse the same things with the same messages.
/// </summary>
public sealed class DeliveryRetries(string connectionString, TimeProvider clock)
{
    private readonly Outbox _outbox = new(connectionString, clock);

    /// <returns>How many were made pending: 0 when the delivery was sent already.</returns>
    public int RetryOne(long deliveryId)
    {
        if (_outbox.Find(deliveryId) is null)
        {
            throw new ReportEngineException($"There is no delivery {deliveryId}.");
        }

        return _outbox.Retry(deliveryId);
    }

    /// <returns>How many of the run's failed or dead deliveries were made pending.</returns>
    public int RetryFailedOfRun(long runId)
    {
        using (var connection = StateDatabase.Open(connectionString, readOnly: true))
        {
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE id = @runId", new { runId }) == 0)
            {
                throw new ReportEngineException($"There is no run {runId}.");
            }
        }

        return _outbox.RetryFailedOfRun(runId);
    }

    /// <returns>How many failed or dead deliveries were made pending.</returns>
    public int RetryAllFailed() => _outbox.Retry(null);
}
