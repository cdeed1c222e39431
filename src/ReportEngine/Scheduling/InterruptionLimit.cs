using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// A run interrupted as many times in a row as Worker:MaxInterruptions allows is failed, not done
/// again: whatever kills its process would kill the worker at every start. A single scheduled report
/// and a committee's run of a scheduled burst obey the same limit.
/// </summary>
internal sealed class InterruptionLimit(RunStore runs, IOptions<WorkerOptions> worker, ILogger<InterruptionLimit> logger)
{
    /// <returns>The run as failed when it has used up its interruptions; null when it may be done again.</returns>
    public RunRecord? GiveUp(RunRecord interrupted)
    {
        var limit = worker.Value.MaxInterruptions;
        if (interrupted.Attempt < limit)
        {
            return null;
        }

        var last = runs.Find(interrupted.Id)?.Error ?? interrupted.Error ?? "its process ended before it finished";
        runs.GiveUp(interrupted.Id, string.Create(CultureInfo.InvariantCulture,
            $"interrupted {interrupted.Attempt} times; not recovered again (Worker:MaxInterruptions is {limit}). The last time: {last}"));
        logger.LogError("run {RunId} ({Template}) was interrupted {Count} times in a row; it is failed, not done again", interrupted.Id, interrupted.Template, interrupted.Attempt);
        return runs.Find(interrupted.Id);
    }
}
