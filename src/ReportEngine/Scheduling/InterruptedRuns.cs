using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// At start, before the scheduler fires anything (and after SingleWorker has made this the one
/// worker): the archive and run records are made to agree, runs left by a process that is gone are
/// marked interrupted, and staging folders of finished runs are deleted (see CrashRecovery). Quartz
/// then recovers the firings, and the job does each run again as a new run that points back at the
/// interrupted one, unless it was interrupted Worker:MaxInterruptions times in a row.
/// With several workers on PostgreSQL, only the runs of workers that are dead (<see cref="WorkerLiveness"/>) are touched.
/// </summary>
internal sealed class InterruptedRuns(RunStore runs, ReportArchive archive, ILogger<InterruptedRuns> logger, IOptions<WorkerOptions>? worker = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = CrashRecovery.Settle(runs, archive, includeQueuedFirings: true, new WorkerLiveness(runs, worker?.Value ?? new WorkerOptions()));
        foreach (var run in recovered.Archive.Completed)
        {
            logger.LogWarning("run {RunId} ({Template}): its process ended after the PDF reached the archive; recorded as succeeded ({Path})", run.Id, run.Template, run.ArchivePath);
        }

        foreach (var file in recovered.Archive.Quarantined)
        {
            logger.LogWarning("{File}: archived by a run that was done again or does not match its record; moved to quarantine", file);
        }

        foreach (var run in recovered.Archive.MissingFiles)
        {
            logger.LogError("run {RunId} ({Template}): its archived PDF {Path} is missing; the run is marked failed", run.Id, run.Template, run.ArchivePath);
        }

        foreach (var run in recovered.Interrupted)
        {
            logger.LogWarning("run {RunId} ({Template}) was interrupted when {Process} ended; its firing is recovered", run.Id, run.Template, run.ExecutedBy);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
