using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Worker: how the serving process runs reports.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>On SIGTERM, how long a running report may take to finish before it is interrupted (and redone at the next start).</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How late a firing may start and still count as on time. Later than this it is a misfire,
    /// settled by the schedule's misfire policy (by default: run once as soon as possible).
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A worker whose heartbeat is older than this is taken as gone: three polls at the slowest PollInterval.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(15);

    /// <summary>
    /// PostgreSQL (several workers): a worker whose heartbeat is older than this is taken as dead, and its
    /// runs and claims are taken over by the others. Longer than a few PollIntervals, so a busy worker is not buried alive.
    /// </summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>PostgreSQL (clustered Quartz): how often each worker checks in to the job store's cluster.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>PostgreSQL (clustered Quartz): how late a check-in may be before the others recover the worker's jobs.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How often the worker looks for on-demand runs queued by `run`, and says it is alive (at most 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A run interrupted this many times in a row (its process killed or stopped each time) is failed
    /// instead of done again, so a report that kills the worker cannot make it crash at every start.
    /// </summary>
    public int MaxInterruptions { get; set; } = 3;

    /// <summary>Reports rendered at the same time (different schedules; one schedule never runs twice at once).</summary>
    public int MaxConcurrentRuns { get; set; } = 2;
}

internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        const string s = WorkerOptions.Section;
        var problems = new[]
        {
            SettingChecks.Between($"{s}:GracePeriod", options.GracePeriod, TimeSpan.FromSeconds(1), TimeSpan.FromHours(6)),
            SettingChecks.Between($"{s}:MisfireThreshold", options.MisfireThreshold, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            SettingChecks.Between($"{s}:PollInterval", options.PollInterval, TimeSpan.FromMilliseconds(100), WorkerOptions.Silence / 3),
            SettingChecks.Between($"{s}:DeadAfter", options.DeadAfter, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10)),
            SettingChecks.Between($"{s}:ClusterCheckinInterval", options.ClusterCheckinInterval, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5)),
            SettingChecks.Between($"{s}:ClusterCheckinMisfireThreshold", options.ClusterCheckinMisfireThreshold, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(5)),
            options.MaxInterruptions is < 1 or > 100
                ? $"The setting {s}:MaxInterruptions must be from 1 to 100; it is {options.MaxInterruptions}."
                : null,
            options.MaxConcurrentRuns is < 1 or > 64
                ? $"The setting {s}:MaxConcurrentRuns must be from 1 to 64; it is {options.MaxConcurrentRuns}."
                : null,
        }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
