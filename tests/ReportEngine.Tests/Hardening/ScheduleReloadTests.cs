using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Scheduling;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// The schedules file reloaded against a real (in-memory, not started) Quartz scheduler: an edit that
/// meets a busy database is applied at the next reload, and a schedule failing a check keeps its trigger.
/// </summary>
[Collection(WorkerGroup.Name)]
public sealed class ScheduleReloadTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly WorkerFolder _folder = new(fixture);
    private ServiceProvider? _services;

    [Fact]
    public async Task An_edit_that_failed_for_a_busy_database_is_applied_at_the_next_reload()
    {
        var (scheduler, flaky, synchronizer) = await Start(Schedule("first", "la-gi"));
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("first", ReportJob.ScheduleGroup)));

        flaky.FailuresLeft = 1;
        _folder.WriteSchedules(Schedule("first", "la-gi") + Schedule("second", "duc-linh", header: false));

        var second = await Poll.Until(() => scheduler.GetTrigger(new TriggerKey("second", ReportJob.ScheduleGroup)).AsTask().Result, Deadline);
        Assert.Equal("second", second.Key.Name);
        Assert.True(flaky.FailuresLeft < 0, "the edit was never refused");
        await synchronizer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_schedule_failing_a_check_keeps_its_trigger_paused_and_gets_it_back_when_it_passes()
    {
        var (scheduler, _, synchronizer) = await Start(Schedule("kept", "la-gi"));
        var key = new TriggerKey("kept", ReportJob.ScheduleGroup);
        var before = (await scheduler.GetTrigger(key))!;

        _folder.WriteSchedules(Schedule("kept", "no-such-locality"));
        await Poll.Until(() => scheduler.GetTriggerState(key).AsTask().Result == TriggerState.Paused, Deadline);
        Assert.Equal(before.StartTimeUtc, (await scheduler.GetTrigger(key))!.StartTimeUtc);

        _folder.WriteSchedules(Schedule("kept", "la-gi"));
        await Poll.Until(() => scheduler.GetTriggerState(key).AsTask().Result == TriggerState.Normal, Deadline);
        var after = (await scheduler.GetTrigger(key))!;
        Assert.Equal(before.StartTimeUtc, after.StartTimeUtc);
        Assert.Equal(before.Description, after.Description);
        await synchronizer.StopAsync(CancellationToken.None);
    }

    private static string Schedule(string id, string locality, bool header = true) =>
        (header ? "schedules:\n" : "") + $"""
          - id: {id}
            template: annual-assessment
            parameters: {"{"} year: "2024", locality: {locality} {"}"}
            cron: "0 0 7 5 9 ?"

        """;

    private async Task<(IScheduler Scheduler, FlakyScheduler Flaky, ScheduleSynchronizer Synchronizer)> Start(string yaml)
    {
        _folder.WriteSchedules(yaml);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = "reload-" + Guid.NewGuid().ToString("N") });
        _services = services.BuildServiceProvider();
        var real = await _services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var proxy = DispatchProxy.Create<IScheduler, FlakyScheduler>();
        var flaky = (FlakyScheduler)(object)proxy;
        flaky.Inner = real;
        var options = Options.Create(new SchedulesOptions
        {
            Path = Path.Combine(_folder.Path, "config", "schedules.yaml"),
            ReloadInterval = TimeSpan.FromMilliseconds(200),
        });
        var loader = new ScheduleLoader(RepositoryPaths.Templates, _folder.Database, "Asia/Ho_Chi_Minh", TimeProvider.System);
        var synchronizer = new ScheduleSynchronizer(new OneScheduler(proxy), loader, options, NullLogger<ScheduleSynchronizer>.Instance);
        await synchronizer.StartAsync(CancellationToken.None);
        return (real, flaky, synchronizer);
    }

    public void Dispose()
    {
        _services?.Dispose();
        _folder.Dispose();
    }

    /// <summary>The real scheduler, except that AddJob fails as a locked database makes it fail, while FailuresLeft lasts.</summary>
#pragma warning disable CA1515 // DispatchProxy needs a public, unsealed type.
    public class FlakyScheduler : DispatchProxy
#pragma warning restore CA1515
    {
        private int _failuresLeft;

        public IScheduler Inner { get; set; } = null!;

        public int FailuresLeft
        {
            get => Volatile.Read(ref _failuresLeft);
            set => Volatile.Write(ref _failuresLeft, value);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IScheduler.AddJob) && Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new JobPersistenceException("database is locked");
            }

            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }

    private sealed class OneScheduler(IScheduler scheduler) : ISchedulerFactory
    {
        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => new([scheduler]);

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => new(scheduler);

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => new(scheduler);
    }
}
