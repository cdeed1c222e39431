using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Requests;

namespace ReportEngine.Scheduling;

/// <summary>A schedule as the console's schedules page shows it: its definition, zone, and next firings (in its zone, with offset).</summary>
/// <param name="NextFirings">The coming firings after working-day rules (a skipped holiday left out, a moved one moved), as instants.</param>
/// <param name="NextFiringsShown">The same, as a person reads them: "2026-09-05 08:00 +07:00".</param>
public sealed record ScheduleEntry(ScheduleDefinition Definition, string TimeZone, IReadOnlyList<DateTimeOffset> NextFirings, IReadOnlyList<string> NextFiringsShown);

/// <summary>The schedules file as loaded: the schedules that run, the ids that failed a check, and every problem's message.</summary>
public sealed record ScheduleOverviewResult(string File, IReadOnlyList<ScheduleEntry> Schedules, IReadOnlyList<string> Failing, IReadOnlyList<string> Problems);

/// <summary>
/// The schedules file read with the worker's own loader and checks (so the page shows exactly what the worker
/// runs and what it refuses), their next firings, and "run now": the schedule's report (or burst) queued for the
/// worker with the parameters a firing now would ask for, trigger console.
/// Checking a burst schedule prepares every committee's report, so the dashboard and the schedules page reuse
/// the last check while the file's text is unchanged and the check is younger than <paramref name="freshFor"/>
/// (the worker's own Schedules:ReloadInterval); "run now" always checks afresh.
/// </summary>
public sealed class ScheduleOverview(ScheduleLoader loader, string schedulesFile, RunRequests requests, TimeProvider clock, TimeSpan freshFor = default)
{
    public const int Firings = 3;

    private readonly Lock _gate = new();
    private (ScheduleSet Set, DateTimeOffset CheckedAt)? _last;

    public ScheduleOverviewResult Read()
    {
        var set = Checked();
        var now = clock.GetUtcNow();
        var entries = set.Schedules.Select(s =>
        {
            var next = NextFirings(s, now).ToList();
            return new ScheduleEntry(s.Definition, s.Zone.Id, next, [.. next.Select(t => PersonTime.Format(t, s.Zone))]);
        }).ToList();
        return new ScheduleOverviewResult(set.File, entries, set.Failing, set.Problems);
    }

    /// <summary>The last check of the file while its text is the same and the check is fresh; else a new one.</summary>
    private ScheduleSet Checked()
    {
        var content = File.Exists(schedulesFile) ? File.ReadAllText(schedulesFile) : "";
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } last && last.Set.Content == content && now - last.CheckedAt < freshFor)
            {
                return last.Set;
            }
        }

        var set = loader.Load(schedulesFile);
        lock (_gate)
        {
            _last = (set, now);
        }

        return set;
    }

    /// <summary>Queues the schedule's run (or burst) now, as its firing would, for <paramref name="requestedBy"/>.</summary>
    public QueuedRequest RunNow(string scheduleId, string requestedBy, string? idempotencyKey = null)
    {
        var set = loader.Load(schedulesFile);
        var schedule = set.Schedules.FirstOrDefault(s => s.Definition.Id == scheduleId)
            ?? throw new ReportEngineException(set.Failing.Contains(scheduleId)
                ? $"Schedule \"{scheduleId}\" fails its checks and cannot run: {string.Join(" ", set.Problems.Where(p => p.Contains($"\"{scheduleId}\"", StringComparison.Ordinal)))}"
                : $"There is no schedule \"{scheduleId}\" in {set.File}.");
        var report = ScheduledReport.From(schedule);
        var parameters = report.ParametersAt(clock.GetUtcNow(), schedule.Zone);
        var request = report.Committees is { } committees
            ? new RunRequest(report.Template, parameters, Committees: committees)
            : new RunRequest(report.Template, parameters, report.Language);
        return requests.Queue(request, Runs.RunTrigger.Console, requestedBy, idempotencyKey);
    }

    /// <summary>The cron's next times in the schedule's zone, with its holiday rule applied.</summary>
    private static IEnumerable<DateTimeOffset> NextFirings(CheckedSchedule schedule, DateTimeOffset now)
    {
        var cron = CronExpression.Parse(schedule.Definition.Cron).WithTimeZone(schedule.Zone);
        var after = now;
        for (var found = 0; found < Firings;)
        {
            if (cron.GetNextValidTimeAfter(after) is not { } next)
            {
                yield break;
            }

            after = next;
            if (WhenRun(schedule, next) is not { } run)
            {
                continue;
            }

            found++;
            yield return run;
        }
    }

    /// <summary>
    /// When a firing of the cron actually runs its report: on a non-working day of the schedule's calendar,
    /// the next working day at the same time (on-holiday: next-working-day) or never (skip). The worker's log
    /// and the console both say this time, not the cron's.
    /// </summary>
    internal static DateTimeOffset? WhenRun(CheckedSchedule schedule, DateTimeOffset firing)
    {
        var local = TimeZoneInfo.ConvertTime(firing, schedule.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (schedule.Calendar is not { } calendar || calendar.IsWorkingDay(day))
        {
            return firing;
        }

        if (schedule.Definition.OnHoliday != HolidayPolicy.NextWorkingDay)
        {
            return null;
        }

        var moved = calendar.NextWorkingDay(day).ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(moved, schedule.Zone.GetUtcOffset(moved));
    }
}
