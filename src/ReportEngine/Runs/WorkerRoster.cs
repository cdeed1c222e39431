using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Runs;

/// <summary>A worker as the workers table shows it, with the runs it is executing now.</summary>
/// <param name="Live">Its heartbeat is newer than Worker:DeadAfter and, on this host, its process still runs.</param>
public sealed record WorkerEntry(string Name, string StartedAt, string HeartbeatAt, long Running, bool Live);

/// <summary>
/// The workers serving a database, as an operator asks after them (`workers list`): every row of the
/// workers table, each with its running runs counted (runs.executed_by). A worker stopped cleanly signs
/// off and leaves no row; a killed one keeps its row with a heartbeat that no longer moves.
/// </summary>
public sealed class WorkerRoster(string connectionString, TimeProvider clock)
{
    public IReadOnlyList<WorkerEntry> Read(TimeSpan deadAfter)
    {
        var since = StoredTime.Format(clock.GetUtcNow() - deadAfter);
        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        return connection.Query<(string Name, string StartedAt, string HeartbeatAt, long Running)>(
                """
                SELECT w.name, w.started_at, w.heartbeat_at,
                       (SELECT COUNT(*) FROM runs r WHERE r.status = 'running' AND r.executed_by = w.name)
                FROM workers w ORDER BY w.started_at, w.name
                """)
            // Times are StoredTime text, which sorts as it reads: comparing the strings compares the instants.
            // A worker on this host whose process has ended is dead at once, whatever its last heartbeat says.
            .Select(w => new WorkerEntry(w.Name, w.StartedAt, w.HeartbeatAt, w.Running,
                string.CompareOrdinal(w.HeartbeatAt, since) >= 0 && (w.Name == ProcessName.Current || ProcessName.IsAlive(w.Name))))
            .ToList();
    }
}
