using ReportEngine.Archive;

namespace ReportEngine.Runs;

/// <summary>
/// What a process does at its start about processes that died before it: archive and records made to
/// agree, runs left running marked interrupted, and the staging folders of runs proven finished
/// deleted. A staging folder whose run is queued or running is never touched: a `run` that starts
/// while the worker recovers keeps its staged PDF.
/// </summary>
public static class CrashRecovery
{
    /// <param name="liveness">Who is alive (see <see cref="AbandonedRuns.Interrupt"/>).</param>
    public static Recovered Settle(RunStore runs, ReportArchive archive, bool includeQueuedFirings, WorkerLiveness? liveness = null)
    {
        var reconciled = ArchiveReconciliation.Reconcile(runs, archive);
        var interrupted = AbandonedRuns.Interrupt(runs, includeQueuedFirings, liveness);
        foreach (var staged in archive.StagedRuns())
        {
            // Read after the folder was seen: a run's status only moves forward, so a finished run's folder is garbage.
            if (runs.Find(staged) is { IsFinished: true })
            {
                archive.DeleteStaging(staged);
            }
        }

        return new Recovered(reconciled, interrupted);
    }
}

public sealed record Recovered(Reconciled Archive, IReadOnlyList<RunRecord> Interrupted);
