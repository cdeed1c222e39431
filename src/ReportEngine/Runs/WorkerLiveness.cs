using System.Diagnostics;
using Dapper;
using ReportEngine.Configuration;
using ReportEngine.Data;

namespace ReportEngine.Runs;

/// <summary>
/// Whether the process a record names (runs.executed_by, bursts.executed_by: host:pid) still works on it.
/// SQLite (one worker per database): as <see cref="ProcessName.IsAlive"/> says; a process on another host is
/// assumed to run. PostgreSQL (several workers, on several hosts): alive while its row in `workers` has a
/// heartbeat newer than Worker:DeadAfter; on this host, a process id that is gone is dead at once, whatever
/// its last heartbeat says (the fast path: a kill -9 on one machine is seen in the next poll).
/// </summary>
public sealed class WorkerLiveness(string connectionString, TimeSpan deadAfter, TimeProvider clock)
{
    /// <summary>When this process started: a record naming this process but stamped before it is an earlier process's that had our pid.</summary>
    public static string ThisProcessStarted { get; } = StoredTime.Format(new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero));

    public WorkerLiveness(RunStore runs, WorkerOptions options)
        : this(runs.ConnectionString, options.DeadAfter, runs.Clock)
    {
    }

    public bool Clustered { get; } = StateDatabase.IsPostgres(connectionString);

    /// <param name="worker">The process named by a record.</param>
    /// <param name="stampedAt">
    /// When the record was written (a run's started_at or queued_at): the name of this very process counts as alive
    /// only on records written since it started.
    /// </param>
    public bool IsAlive(string? worker, string? stampedAt)
    {
        if (string.IsNullOrEmpty(worker))
        {
            return false;
        }

        if (worker == ProcessName.Current)
        {
            return stampedAt is not null && string.CompareOrdinal(stampedAt, ThisProcessStarted) >= 0;
        }

        if (!ProcessName.IsAlive(worker))
        {
            return false;
        }

        return !Clustered || HasFreshHeartbeat(worker);
    }

    /// <summary>The run's executor (or, for a run not started yet, whoever queued it and means to start it) still works on it.</summary>
    public bool IsAlive(RunRecord run) => IsAlive(run.ExecutedBy, run.StartedAt ?? run.QueuedAt);

    private bool HasFreshHeartbeat(string worker)
    {
        using var connection = StateDatabase.Open(connectionString);
        var since = StoredTime.Format(clock.GetUtcNow() - deadAfter);
        return connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM workers WHERE name = @worker AND heartbeat_at >= @since", new { worker, since }) > 0;
    }
}
