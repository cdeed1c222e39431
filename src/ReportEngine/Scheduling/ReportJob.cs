using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// The one job every report goes through in the worker: a schedule's firing, or an on-demand run
/// queued by `run`. Registered with RequestRecovery, so a firing cut short by a crash is fired again
/// at the next start (context.Recovering); everything here is therefore idempotent: the run a
/// firing started is found by (schedule, fire time) or by id, marked interrupted, and done again
/// as a new run that points back at it. A finished run is never redone, and a run interrupted
/// Worker:MaxInterruptions times in a row is failed instead (no crash loop).
/// </summary>
internal sealed class ReportJob(RunStore runs, RunExecutor executor, RunningReports running, ScheduledBursts bursts, InterruptionLimit interruptions,
    IOptions<WorkerOptions> worker, ILogger<ReportJob> logger, TimeProvider clock) : IJob
{
    public const string ScheduleGroup = "schedules";
    public const string RunsGroup = "runs";
    public const string ScheduleData = "schedule";
    public const string RunIdData = "run-id";

    public static readonly JobKey OnDemandJob = new("on-demand", RunsGroup);

    // Queues a firing's run, or a recovery, only once: two workers recovering one firing cannot both queue it.
    private readonly ClusterRunStore _once = new(runs.ConnectionString, clock);
    private readonly WorkerLiveness _liveness = new(runs, worker.Value);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var _ = running.Enter();
        var data = context.MergedJobDataMap;
        var runId = data.ContainsKey(RunIdData)
            ? OnDemandRun(long.Parse(data.GetString(RunIdData)!, CultureInfo.InvariantCulture), context.Recovering)
            : await ScheduledRun(ScheduledReport.FromJson(data.GetString(ScheduleData)!), context, cancellationToken);
        if (runId is not { } id)
        {
            return;
        }

        var result = await executor.ExecuteAsync(id, cancellationToken);
        logger.LogInformation("run {RunId} ({Template}, {Trigger} by {RequestedBy}): {Status}{Error}",
            result.Id, result.Template, result.Trigger, result.RequestedBy, result.Status, result.Error is null ? "" : ": " + result.Error);
    }

    private async Task<long?> ScheduledRun(ScheduledReport schedule, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var firing = OriginalFiring(context);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(firing, zone).DateTime);
        if (schedule.OnHoliday == HolidayPolicy.NextWorkingDay && schedule.Calendar is { } calendar && !calendar.IsWorkingDay(localDay))
        {
            await MoveToNextWorkingDay(schedule, calendar, firing, zone, context, cancellationToken);
            return null;
        }

        if (schedule.Committees is not null)
        {
            // One run per committee: the burst keeps its own record of the firing (see ScheduledBursts).
            await bursts.RunAsync(schedule, firing, zone, cancellationToken);
            return null;
        }

        var scheduledFor = RunStore.Timestamp(firing);
        var last = runs.LatestFor(schedule.Id, scheduledFor);
        if (last is null && context.Recovering && runs.Unredone(schedule.Id) is { } orphan)
        {
            // The store did not say which firing this recovers: the schedule's run left unfinished is the one.
            (last, scheduledFor) = (orphan, orphan.ScheduledFor!);
            firing = DateTimeOffset.Parse(scheduledFor, CultureInfo.InvariantCulture);
        }

        if (last is { IsFinished: false } && _liveness.IsAlive(last))
        {
            // PostgreSQL: recovered here while the worker that runs it is alive after all (it missed a check-in).
            logger.LogInformation("schedule {Schedule}: the firing of {Firing} is run by {Worker} (run {RunId})", schedule.Id, scheduledFor, last.ExecutedBy, last.Id);
            return null;
        }

        var previous = last is { IsFinished: false } || (last is { Status: RunStatus.Interrupted } && runs.RecoveredBy(last.Id) is null) ? last : null;
        if (last is not null && previous is null)
        {
            // A recovered firing whose run had finished before the process died: nothing to redo.
            logger.LogInformation("schedule {Schedule}: the firing of {Firing} already has run {RunId} ({Status})", schedule.Id, scheduledFor, last.Id, last.Status);
            return null;
        }

        if (previous is not null)
        {
            runs.Interrupt(previous.Id, $"Interrupted: the process {previous.ExecutedBy ?? "that queued it"} ended before the run finished; done again by a recovered firing.");
            if (interruptions.GiveUp(previous) is not null)
            {
                return null;
            }
        }

        var id = _once.QueueOnce(new RunRecord
        {
            Template = schedule.Template,
            Language = schedule.Language,
            Parameters = RunParameters.Format(schedule.ParametersAt(firing, zone)),
            Trigger = previous is null ? RunTrigger.Schedule : RunTrigger.Recovery,
            RequestedBy = "schedule:" + schedule.Id,
            ScheduleId = schedule.Id,
            ScheduledFor = scheduledFor,
            RecoversRunId = previous?.Id,
            Attempt = previous is null ? 1 : previous.Attempt + 1,
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(clock.GetUtcNow()),
        });
        if (id is null)
        {
            logger.LogInformation("schedule {Schedule}: the firing of {Firing} is already being run by another worker", schedule.Id, scheduledFor);
        }

        return id;
    }

    /// <summary>
    /// The fire time a firing belongs to. A recovered firing carries the original one in its data
    /// (its own scheduled time is when it was handed back).
    /// </summary>
    private static DateTimeOffset OriginalFiring(IJobExecutionContext context)
    {
        var fallback = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        if (!context.Recovering || !context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var value))
        {
            return fallback;
        }

        return value switch
        {
            DateTimeOffset time => time,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            long milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
            string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
            _ => fallback,
        };
    }

    private long? OnDemandRun(long runId, bool recovering)
    {
        var run = runs.Find(runId);
        switch (run?.Status)
        {
            case RunStatus.Queued:
                return runId;
            case RunStatus.Running when recovering && !_liveness.IsAlive(run):
            case RunStatus.Interrupted when recovering && runs.RecoveredBy(runId) is null:
                // This firing is recovered: the process that ran it died.
                runs.Interrupt(runId, $"Interrupted: the process {run.ExecutedBy} ended before the run finished; done again by a recovered firing.");
                if (interruptions.GiveUp(run) is not null)
                {
                    return null;
                }

                // Null when another worker (or its sweep) queued the recovery first.
                return _once.QueueOnce(run with
                {
                    Trigger = RunTrigger.Recovery,
                    RecoversRunId = runId,
                    Attempt = run.Attempt + 1,
                    Status = RunStatus.Queued,
                    QueuedAt = RunStore.Timestamp(clock.GetUtcNow()),
                });
            default:
                return null;
        }
    }

    private async Task MoveToNextWorkingDay(ScheduledReport schedule, WorkingDays calendar, DateTimeOffset firing, TimeZoneInfo zone,
        IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(firing, zone);
        var day = calendar.NextWorkingDay(DateOnly.FromDateTime(local.DateTime));
        var moved = new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), zone.GetUtcOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime))));
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"{schedule.Id}.moved.{moved.UtcDateTime:yyyyMMddHHmmss}", ScheduleGroup)
            .ForJob(context.JobDetail.Key)
            .WithDescription($"{schedule.Id}: moved from the non-working day {local:yyyy-MM-dd}")
            .StartAt(moved)
            .Build();
        await context.Scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
        logger.LogInformation("schedule {Schedule}: {Day:yyyy-MM-dd} is not a working day; moved to {Moved:yyyy-MM-dd HH:mm}", schedule.Id, local, moved);
    }
}
