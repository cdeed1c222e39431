using System.Diagnostics;
using System.Globalization;

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
        var abandoned = runs.WithStatus(RunStatus.Running).Where(r => !IsAlive(r.ExecutedBy)).ToList();
        if (includeQueuedFirings)
        {
            abandoned.AddRange(runs.WithStatus(RunStatus.Queued).Where(r => r.Trigger != RunTrigger.CommandLine));
        }

        return abandoned
            .Where(run => runs.Interrupt(run.Id, $"Interrupted: the process {run.ExecutedBy ?? "that queued it"} ended before the run finished (killed or crashed)."))
            .ToList();
    }

    /// <summary>Whether the process that signed a run (host:pid) still runs; a process on another host is assumed alive.</summary>
    private static bool IsAlive(string? executedBy)
    {
        var parts = executedBy?.Split(':') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (parts[0] != Environment.MachineName)
        {
            return true;
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
