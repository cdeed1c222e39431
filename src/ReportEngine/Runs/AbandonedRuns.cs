namespace ReportEngine.Runs;

/// <summary>
/// Runs whose process is gone (kill -9, a crash, a power cut) but whose record still says running:
/// marked interrupted, so no record says "running" forever. Whoever notices first does it: the
/// worker at start, or `run`.
/// </summary>
public static class AbandonedRuns
{
    /// <param name="runs">The runs table.</param>
    /// <param name="includeQueuedFirings">
    /// Also the runs a schedule's firing queued and never started: only the worker may say so, at its
    /// start, when no firing of its own can be between queueing and starting.
    /// </param>
    public static IReadOnlyList<RunRecord> Interrupt(RunStore runs, bool includeQueuedFirings)
    {
        var abandoned = runs.WithStatus(RunStatus.Running).Where(r => !ProcessName.IsAlive(r.ExecutedBy)).ToList();
        if (includeQueuedFirings)
        {
            abandoned.AddRange(runs.WithStatus(RunStatus.Queued).Where(r => r.Trigger != RunTrigger.CommandLine));
        }

        return abandoned
            .Where(run => runs.Interrupt(run.Id, $"Interrupted: the process {run.ExecutedBy ?? "that queued it"} ended before the run finished (killed or crashed)."))
            .ToList();
    }
}
