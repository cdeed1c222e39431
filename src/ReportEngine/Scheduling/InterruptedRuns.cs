using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// At start, before the scheduler fires anything: runs left by a process that is gone are marked
/// interrupted, and staging folders of runs not running are deleted (a partial PDF is only ever
/// there, never in the archive proper). Quartz then recovers the firings, and the job does each
/// run again as a new run that points back at the interrupted one.
/// </summary>
internal sealed class InterruptedRuns(RunStore runs, ReportArchive archive, ILogger<InterruptedRuns> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var run in AbandonedRuns.Interrupt(runs, includeQueuedFirings: true))
        {
            logger.LogWarning("run {RunId} ({Template}) was interrupted when {Process} ended; its firing is recovered", run.Id, run.Template, run.ExecutedBy);
        }

        var unfinished = runs.WithStatus(RunStatus.Running).Select(r => r.Id).ToHashSet();
        foreach (var staged in archive.StagedRuns().Where(id => !unfinished.Contains(id)))
        {
            archive.DeleteStaging(staged);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
