using Dapper;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// The one row saying which worker serves the database (table serving_worker). Taking it is one
/// statement: an insert when the row is absent, or an update guarded by the holder and heartbeat
/// read just before, so of two workers starting at once exactly one succeeds and the other sees
/// the winner. A holder counts as gone when its process has ended (on this host) or its heartbeat is
/// older than <see cref="WorkerOptions.Silence"/>.
/// </summary>
internal sealed class ServingLease(string connectionString, TimeProvider clock)
{
    private readonly string _me = ProcessName.Current;

    /// <summary>Takes the lease; returns null when taken, or the live worker holding it.</summary>
    public string? TryClaim()
    {
        for (var tries = 0; tries < 5; tries++)
        {
            using var connection = SqliteDatabase.Open(connectionString);
            var holder = connection.QuerySingleOrDefault<(string Name, string HeartbeatAt)?>(
                "SELECT name AS Name, heartbeat_at AS HeartbeatAt FROM serving_worker WHERE slot = 'serve'");
            if (holder is { } h && h.Name != _me && IsLive(h.Name, h.HeartbeatAt))
            {
                return h.Name;
            }

            var now = RunStore.Timestamp(clock.GetUtcNow());
            var taken = connection.Execute(
                """
                INSERT INTO serving_worker (slot, name, claimed_at, heartbeat_at) VALUES ('serve', @me, @now, @now)
                ON CONFLICT (slot) DO UPDATE SET name = excluded.name, claimed_at = excluded.claimed_at, heartbeat_at = excluded.heartbeat_at
                WHERE serving_worker.name = @holder AND serving_worker.heartbeat_at = @heartbeat
                """,
                new { me = _me, now, holder = holder?.Name, heartbeat = holder?.HeartbeatAt });
            if (taken == 1)
            {
                return null;
            }

            // Another worker changed the row between our read and our write: read again.
        }

        throw new ReportEngineException("Could not take the serving lease of the database: it changed hands five times in a row.");
    }

    /// <summary>Says the holder is alive; false when another worker has taken the lease meanwhile.</summary>
    public bool Renew()
    {
        using var connection = SqliteDatabase.Open(connectionString);
        return connection.Execute(
            "UPDATE serving_worker SET heartbeat_at = @now WHERE slot = 'serve' AND name = @me",
            new { me = _me, now = RunStore.Timestamp(clock.GetUtcNow()) }) == 1;
    }

    public void Release()
    {
        using var connection = SqliteDatabase.Open(connectionString);
        connection.Execute("DELETE FROM serving_worker WHERE slot = 'serve' AND name = @me", new { me = _me });
    }

    private bool IsLive(string name, string heartbeatAt) =>
        ProcessName.IsAlive(name)
        && string.CompareOrdinal(heartbeatAt, RunStore.Timestamp(clock.GetUtcNow() - WorkerOptions.Silence)) >= 0;
}
