using Dapper;
using ReportEngine.Configuration;
using ReportEngine.Data;

namespace ReportEngine.Runs;

/// <summary>A worker as its heartbeat shows it; live when its last heartbeat is within Worker silence (15 s).</summary>
public sealed record WorkerStatus(string Name, string StartedAt, string HeartbeatAt, bool Live);

/// <summary>Deliveries that still need someone: waiting to be sent, refused, given up.</summary>
public sealed record DeliveryCounts(long Pending, long Failed, long Dead);

public sealed record DashboardFigures(IReadOnlyList<WorkerStatus> Workers, IReadOnlyList<RunRecord> RecentRuns, DeliveryCounts Deliveries)
{
    public bool AnyWorkerLive => Workers.Any(w => w.Live);
}

/// <summary>
/// The figures on the console's first page: is a worker serving, what ran lately (failures first, so a
/// failure is never hidden below successes), and how many deliveries wait, failed or died.
/// </summary>
public sealed class Dashboard(string connectionString, TimeProvider clock)
{
    /// <param name="days">Runs queued in the last this many days.</param>
    /// <param name="limit">At most this many runs (failures first, then newest first).</param>
    public DashboardFigures Read(int days = 7, int limit = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var now = clock.GetUtcNow();
        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        var silentSince = RunStore.Timestamp(now - WorkerOptions.Silence);
        var workers = connection.Query<(string Name, string StartedAt, string HeartbeatAt)>(
                "SELECT name, started_at, heartbeat_at FROM workers ORDER BY heartbeat_at DESC")
            .Select(w => new WorkerStatus(w.Name, w.StartedAt, w.HeartbeatAt, string.CompareOrdinal(w.HeartbeatAt, silentSince) >= 0))
            .ToList();
        var runs = connection.Query<RunRecord>(
            $"""
            SELECT {RunStore.Columns} FROM runs WHERE queued_at >= @since
            ORDER BY CASE WHEN status IN ('failed', 'interrupted') THEN 0 ELSE 1 END, id DESC LIMIT @limit
            """,
            new { since = RunStore.Timestamp(now.AddDays(-days)), limit }).AsList();
        var deliveries = connection.QuerySingle<DeliveryCounts>(
            """
            SELECT COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS Pending,
                   COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS Failed,
                   COALESCE(SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END), 0) AS Dead
            FROM deliveries WHERE status <> 'sent'
            """);
        return new DashboardFigures(workers, runs, deliveries);
    }
}
