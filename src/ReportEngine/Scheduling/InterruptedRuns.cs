using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// At start, before the scheduler fires anything: a run still "running" whose process is gone was
/// cut short (kill -9, a crash, a power cut). It is marked interrupted, so no record says
/// "running" forever, and its staging folder (a partial PDF, never inside the archive proper) is
/// deleted. Quartz then recovers the firing, and the job does the run again as a new run.
/// </summary>
internal sealed class InterruptedRuns(RunStore runs, ReportArchive archive, ILogger<InterruptedRuns> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var run in runs.WithStatus(RunStatus.Running).Where(r => !IsAlive(r.ExecutedBy)))
        {
            if (runs.Interrupt(run.Id, $"Interrupted: the process {run.ExecutedBy} ended before the run finished (killed or crashed)."))
            {
                logger.LogWarning("run {RunId} ({Template}) was interrupted when {Process} ended; its firing is recovered", run.Id, run.Template, run.ExecutedBy);
            }
        }

        var unfinished = runs.WithStatus(RunStatus.Running).Select(r => r.Id).ToHashSet();
        foreach (var staged in archive.StagedRuns().Where(id => !unfinished.Contains(id)))
        {
            archive.DeleteStaging(staged);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the process that signed a run (host:pid) still runs; a process on another host is assumed alive.</summary>
    private static bool IsAlive(string? executedBy)
    {
        var parts = executedBy?.Split(':') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid))
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
