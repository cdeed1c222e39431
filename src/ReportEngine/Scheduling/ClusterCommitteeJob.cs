using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// One committee of a burst, as a Quartz job of its own (PostgreSQL: the clustered scheduler hands the committees
/// to whichever workers are free). Everything it needs is on its JobDetail (a recovered firing's trigger may lose
/// its data). RequestRecovery: when its worker dies, another worker runs it again, and
/// <see cref="ClusterCommitteeRuns"/> takes the dead worker's run over. Once the committee's run has finished, its
/// deliveries are queued (again: recording them twice changes nothing), and the committee that finishes the
/// burst stores its summary (and finishes a queued burst).
/// </summary>
internal sealed class ClusterCommitteeJob(ReportEngineSettings settings, RunStore runs, ClusterCommitteeRuns committeeRuns, RunningReports running,
    IOptions<SmtpOptions> smtp, ILogger<ClusterCommitteeJob> logger, TimeProvider clock) : IJob
{
    public const string Group = "burst-committees";
    public const string BurstData = "burst-id";
    public const string BurstSizeData = "burst-size";
    public const string CommitteeData = "committee";
    public const string CommitteeIdData = "committee-id";
    public const string LanguageData = "language";
    public const string LocalityData = "locality";
    public const string TemplateData = "template";
    public const string ParametersData = "parameters";
    public const string TriggerData = "trigger";
    public const string RequestedByData = "requested-by";
    public const string ScheduledForData = "scheduled-for";

    public static JobKey KeyOf(long burstId, long committeeId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{burstId}/{committeeId}"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var _ = running.Enter();
        var data = context.JobDetail.JobDataMap;
        var ownBurst = long.Parse(data.GetString(BurstData)!, CultureInfo.InvariantCulture);
        if (committeeRuns.OrphanedCommittee(ownBurst) is { } orphan
            && await context.Scheduler.GetJobDetail(KeyOf(ownBurst, orphan), cancellationToken) is { } orphanJob)
        {
            // A dead worker's committee first (one at most per job, so no committee waits behind the recoveries).
            await RunCommittee(orphanJob.JobDataMap, cancellationToken);
        }

        await RunCommittee(data, cancellationToken);
    }

    private async Task RunCommittee(JobDataMap data, CancellationToken cancellationToken)
    {
        var burstId = long.Parse(data.GetString(BurstData)!, CultureInfo.InvariantCulture);
        var size = long.Parse(data.GetString(BurstSizeData)!, CultureInfo.InvariantCulture);
        var code = data.GetString(CommitteeData)!;
        var template = data.GetString(TemplateData)!;
        var burst = new BurstRunner(settings, runs, clock, smtp.Value.From);
        CommitteeReport report;
        try
        {
            report = burst.Prepare(template, RunParameters.Parse(data.GetString(ParametersData)!), code).Single();
        }
        catch (ReportEngineException e)
        {
            // Checked when the burst was handed out; the committee or the template changed since. Recorded as the
            // committee's failed run, so the burst still finishes and the run page says why.
            logger.LogError("burst {Burst}: committee {Committee} renders nothing: {Error}", burstId, code, e.Message);
            committeeRuns.RecordUnprepared(burstId, Unprepared(data, e.Message));
            ClusterBursts.FinishIfComplete(settings.ConnectionString, clock, burstId, size, logger);
            return;
        }

        var run = await committeeRuns.RunAsync(burst, burstId, report, data.GetString(TriggerData)!, data.GetString(RequestedByData)!,
            data.ContainsKey(ScheduledForData) ? data.GetString(ScheduledForData) : null, cancellationToken);
        burst.QueueDeliveries(report.Committee, run, report.Prepared);
        if (run.Status is RunStatus.Succeeded or RunStatus.Failed)
        {
            ClusterBursts.FinishIfComplete(settings.ConnectionString, clock, burstId, size, logger);
        }
    }

    /// <summary>The failed run of a committee whose report could not be prepared, as its job data describes it.</summary>
    private UnpreparedCommittee Unprepared(JobDataMap data, string error)
    {
        var parameters = new Dictionary<string, string>(RunParameters.Parse(data.GetString(ParametersData)!), StringComparer.Ordinal)
        {
            [BurstRunner.LocalityParameter] = data.GetString(LocalityData)!,
        };
        var run = new RunRecord
        {
            Template = data.GetString(TemplateData)!,
            ConfinedTo = data.GetString(LocalityData),
            Language = data.GetString(LanguageData)!,
            Parameters = RunParameters.Format(parameters),
            Trigger = data.GetString(TriggerData)!,
            RequestedBy = data.GetString(RequestedByData)!,
            ScheduledFor = data.ContainsKey(ScheduledForData) ? data.GetString(ScheduledForData) : null,
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(clock.GetUtcNow()),
        };
        return new UnpreparedCommittee(long.Parse(data.GetString(CommitteeIdData)!, CultureInfo.InvariantCulture), run, error);
    }
}
