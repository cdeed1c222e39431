using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl.Calendar;
using ReportEngine.Configuration;

namespace ReportEngine.Scheduling;

/// <summary>
/// Makes the Quartz store say what config/schedules.yaml says: at start (before the scheduler
/// fires anything) and whenever the file changes. A schedule whose timing is unchanged keeps its
/// trigger, and with it the firing history that misfire handling needs; its job data (template,
/// parameters) is replaced. A schedule still in the file that fails a check (a template being
/// edited, a locality not yet imported) keeps its trigger, paused, and is resumed once it passes:
/// firings missed meanwhile are then settled by its misfire policy. Schedules gone from the file are
/// removed; their past runs stay in the runs table. A change is applied once it has settled (see
/// <see cref="SettledContent"/>): a file caught half-written removes nothing. An edit that cannot be applied for a passing
/// reason (the database busy) is tried again at the next reload; a file that is not YAML is
/// reported once.
/// </summary>
internal sealed class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    ScheduleLoader loader,
    IOptions<SchedulesOptions> options,
    ILogger<ScheduleSynchronizer> logger) : BackgroundService
{
    /// <summary>The file's content last read, applied or not: a bad edit is reported once, not every interval.</summary>
    private string _seenContent = "";

    private string File => Path.GetFullPath(options.Value.Path);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A file that is not YAML at all stops the start, naming the line; a bad schedule does not.
        await Apply(loader.Load(File), cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReloadInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var content = "";
            try
            {
                content = await Read(stoppingToken);
                if (content != _seenContent)
                {
                    if (!await SettledContent.Holds(content, Read, SettledContent.SettleFor(options.Value.ReloadInterval), TimeProvider.System, stoppingToken))
                    {
                        continue; // still being written: read again at the next interval
                    }

                    logger.LogInformation("{File} changed: updating the schedules", File);
                    await Apply(loader.Load(File), stoppingToken);
                }
            }
            catch (ReportEngineException e)
            {
                // The file itself is wrong (not YAML): reported once; the next edit is read again.
                _seenContent = content;
                logger.LogError("{File} was not applied, the previous schedules stay: {Error}", File, e.Message);
            }
#pragma warning disable CA1031 // A busy database must not stop the worker: the schedules in force stay, and the edit is tried again.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError("{File} was not applied, the previous schedules stay; trying again at the next reload: {Error}", File, e.Message);
            }
        }
    }

    private async Task<string> Read(CancellationToken cancellation) =>
        System.IO.File.Exists(File) ? await System.IO.File.ReadAllTextAsync(File, cancellation) : "";

    private async Task Apply(ScheduleSet set, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (set.Content.Length == 0)
        {
            logger.LogWarning("There is no schedules file at {File} (setting {Key}): no report is scheduled", set.File, $"{SchedulesOptions.Section}:Path");
        }

        foreach (var problem in set.Problems)
        {
            logger.LogError("{File}: {Problem}; this schedule does not run, the others do", set.File, problem);
        }

        var wanted = new HashSet<JobKey>();
        foreach (var schedule in set.Schedules)
        {
            var job = await Store(scheduler, schedule, cancellationToken);
            wanted.Add(job);
        }

        foreach (var id in set.Failing)
        {
            var job = new JobKey(id, ReportJob.ScheduleGroup);
            if (await scheduler.GetJobDetail(job, cancellationToken) is not null)
            {
                // Kept with its trigger and firing history, but not fired while it fails its checks.
                await scheduler.PauseJob(job, cancellationToken);
                wanted.Add(job);
                logger.LogWarning("schedule {Schedule}: paused until it passes its checks again; its trigger is kept", id);
            }
        }

        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ReportJob.ScheduleGroup), cancellationToken))
        {
            if (!wanted.Contains(stale))
            {
                await scheduler.DeleteJob(stale, cancellationToken);
                await scheduler.DeleteCalendar(CalendarName(stale.Name), cancellationToken);
                logger.LogInformation("schedule {Schedule}: removed (no longer in {File}, or not valid)", stale.Name, set.File);
            }
        }

        _seenContent = set.Content;
    }

    private async Task<JobKey> Store(IScheduler scheduler, CheckedSchedule schedule, CancellationToken cancellationToken)
    {
        var definition = schedule.Definition;
        var job = JobBuilder.Create<ReportJob>()
            .WithIdentity(definition.Id, ReportJob.ScheduleGroup)
            .WithDescription($"{definition.Template} ({definition.Language})")
            .UsingJobData(ReportJob.ScheduleData, ScheduledReport.From(schedule).ToJson())
            .StoreDurably()
            .RequestRecovery()
            .DisallowConcurrentExecution()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

        var triggerKey = new TriggerKey(definition.Id, ReportJob.ScheduleGroup);
        var current = await scheduler.GetTrigger(triggerKey, cancellationToken);
        if (current is not null && await scheduler.GetTriggerState(triggerKey, cancellationToken) == TriggerState.Paused)
        {
            // Paused while it failed a check: resumed, and a firing missed meanwhile follows the misfire policy.
            await scheduler.ResumeJob(job.Key, cancellationToken);
            logger.LogInformation("schedule {Schedule}: passes its checks again; resumed", definition.Id);
        }

        if (current?.Description == schedule.Fingerprint)
        {
            logger.LogInformation("schedule {Schedule}: unchanged, next firing {Next}", definition.Id, Describe(current.NextFireTimeUtc, schedule));
            return job.Key;
        }

        var calendar = await StoreCalendar(scheduler, schedule, cancellationToken);
        var cron = CronScheduleBuilder.Create(definition.Cron)
            .InTimeZone(schedule.Zone)
            .WithMisfireInstruction(definition.Misfire switch
            {
                MisfirePolicy.Skip => CronTriggerMisfireInstruction.DoNothing,
                MisfirePolicy.RunAll => CronTriggerMisfireInstruction.IgnoreMisfires,
                _ => CronTriggerMisfireInstruction.FireAndProceed,
            });
        var builder = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(job.Key)
            .WithDescription(schedule.Fingerprint)
            .WithSchedule(cron);
        if (calendar is not null)
        {
            builder = builder.WithCalendarName(calendar);
        }

        try
        {
            var result = await scheduler.ScheduleTrigger(builder.Build(), TriggerConflict.Replace, cancellationToken);
            logger.LogInformation("schedule {Schedule}: {Outcome}, next firing {Next}", definition.Id, current is null ? "added" : "changed", Describe(result.NextFireTimeUtc, schedule));
        }
        catch (SchedulerException e)
        {
            // A cron whose times are all past ("will never fire"): the schedule stays, without a trigger.
            await scheduler.UnscheduleJob(triggerKey, cancellationToken);
            logger.LogWarning("schedule {Schedule}: not scheduled: {Reason}", definition.Id, e.Message);
        }

        return job.Key;
    }

    /// <summary>With on-holiday: skip, Quartz itself passes over non-working days.</summary>
    private static async Task<string?> StoreCalendar(IScheduler scheduler, CheckedSchedule schedule, CancellationToken cancellationToken)
    {
        if (schedule.Calendar is not { } days || schedule.Definition.OnHoliday != HolidayPolicy.Skip)
        {
            return null;
        }

        var weekly = new WeeklyCalendar { TimeZone = schedule.Zone };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (days.Weekend.Contains(day))
            {
                weekly.AddExcludedDay(day);
            }
            else
            {
                weekly.RemoveExcludedDay(day);
            }
        }

        var holidays = new HolidayCalendar(weekly) { TimeZone = schedule.Zone };
        foreach (var day in days.Holidays)
        {
            holidays.AddExcludedDay(day);
        }

        var name = CalendarName(schedule.Definition.Id);
        await scheduler.AddCalendar(name, holidays, AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
        return name;
    }

    private static string CalendarName(string scheduleId) => "schedule." + scheduleId;

    /// <summary>A firing as the admin reads it: in the schedule's own zone, with its offset.</summary>
    /// <summary>The next firing as the schedules page shows it: moved off a non-working day when the schedule says so.</summary>
    private static string Describe(DateTimeOffset? next, CheckedSchedule schedule) => next switch
    {
        null => "none (no time left in its cron)",
        { } time when ScheduleOverview.WhenRun(schedule, time) is { } run && run != time =>
            $"{PersonTime.Format(run, schedule.Zone)} (the cron's {PersonTime.Format(time, schedule.Zone)} falls on a non-working day)",
        { } time => PersonTime.Format(time, schedule.Zone),
    };
}
