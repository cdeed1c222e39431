namespace ReportEngine.Runs;

/// <summary>
/// Runs whose process is gone (kill -9, a crash, a power cut) but whose record still says running:
/// marked interrupted, so no record says "running" forever. Whoever notices first does it: the
/// worker at start, or `run`; on PostgreSQL also every live worker's sweep (ClusterSweep).
/// </summary>
public static class AbandonedRuns
{
    /// <param name="runs">The runs table.</param>
    /// <param name="includeQueuedFirings">
    /// Also the runs a schedule's firing queued and never started: only the worker may say so, at its
    /// start, when no firing of its own can be between queueing and starting. With several workers on
    /// PostgreSQL, only those whose queuing worker is dead (another worker's may be about to start).
    /// </param>
    /// <param name="liveness">Who is alive; by default as <see cref="ProcessName.IsAlive"/> says (one worker per SQLite database).</param>
    public static IReadOnlyList<RunRecord> Interrupt(RunStore runs, bool includeQueuedFirings, WorkerLiveness? liveness = null)
    {
        bool IsAlive(RunRecord run) => liveness?.IsAlive(run) ?? ProcessName.IsAlive(run.ExecutedBy);
        var abandoned = runs.WithStatus(RunStatus.Running).Where(r => !IsAlive(r)).ToList();
        if (includeQueuedFirings)
        {
            var queued = runs.WithStatus(RunStatus.Queued).Where(r => r.Trigger != RunTrigger.CommandLine);
            abandoned.AddRange(liveness is { Clustered: true } ? queued.Where(r => r.ExecutedBy is not null && !IsAlive(r)) : queued);
        }

        return abandoned
            .Where(run => runs.Interrupt(run.Id, $"Interrupted: the process {run.ExecutedBy ?? "that queued it"} ended before the run finished (killed or crashed)."))
            .ToList();
    }
}
