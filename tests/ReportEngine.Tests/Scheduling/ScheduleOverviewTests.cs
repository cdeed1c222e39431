using Microsoft.Extensions.Time.Testing;
using ReportEngine.Configuration;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Scheduling;

/// <summary>The schedules page's service: the file as the worker loads it, next firings in each schedule's zone, "run now".</summary>
[Collection(WorkerGroup.Name)]
public sealed class ScheduleOverviewTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 4, 3, 0, 0, TimeSpan.Zero));

    private ScheduleOverview Overview(TimeSpan freshFor = default)
    {
        _folder.WriteSchedules("""
            schedules:
              - id: morning
                template: annual-assessment
                parameters: { year: "2024", locality: la-gi }
                cron: "0 0 8 * * ?"
              - id: warsaw
                template: annual-assessment
                language: pl
                parameters: { year: "2024", locality: la-gi }
                cron: "0 30 9 ? * MON"
                time-zone: Europe/Warsaw
              - id: broken
                template: no-such-template
                cron: "0 0 7 * * ?"
            """);
        var settings = new ReportEngineSettings(_folder.Database, RepositoryPaths.Templates);
        return new ScheduleOverview(new ScheduleLoader(RepositoryPaths.Templates, _folder.Database, SchedulesOptions.DefaultTimeZone, _clock),
            Path.Combine(_folder.Path, "config", "schedules.yaml"), new RunRequests(settings, _clock), _clock, freshFor);
    }

    [Fact]
    public void The_check_is_reused_while_the_file_is_unchanged_and_fresh_and_redone_after_an_edit_or_the_interval()
    {
        var overview = Overview(TimeSpan.FromSeconds(10));

        var first = overview.Read();
        _clock.Advance(TimeSpan.FromSeconds(5));
        var reused = overview.Read();
        _clock.Advance(TimeSpan.FromSeconds(5));
        var aged = overview.Read();
        _folder.WriteSchedules("""
            schedules:
              - id: evening
                template: annual-assessment
                parameters: { year: "2024", locality: la-gi }
                cron: "0 0 20 * * ?"
            """);
        var edited = overview.Read();

        Assert.Same(first.Problems, reused.Problems);
        Assert.NotSame(reused.Problems, aged.Problems);
        Assert.Equal(["evening"], edited.Schedules.Select(s => s.Definition.Id));
    }

    [Fact]
    public void Schedules_show_their_next_firings_in_their_own_zone_and_a_failing_one_its_problem()
    {
        var overview = Overview().Read();

        var morning = overview.Schedules.Single(s => s.Definition.Id == "morning");
        var warsaw = overview.Schedules.Single(s => s.Definition.Id == "warsaw");
        Assert.Equal(["2026-09-05 08:00 +07:00", "2026-09-06 08:00 +07:00", "2026-09-07 08:00 +07:00"], morning.NextFiringsShown);
        Assert.Equal("2026-09-07 09:30 +02:00", warsaw.NextFiringsShown[0]);
        Assert.Equal(["broken"], overview.Failing);
        Assert.Contains(overview.Problems, p => p.Contains("no-such-template", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_now_queues_the_schedules_report_for_the_worker_with_trigger_console()
    {
        var overview = Overview();

        var queued = overview.RunNow("warsaw", "lan");
        var broken = Assert.Throws<ReportEngineException>(() => overview.RunNow("broken", "lan"));
        var unknown = Assert.Throws<ReportEngineException>(() => overview.RunNow("nope", "lan"));

        var run = _folder.Runs.Find(queued.RunId!.Value)!;
        Assert.Equal((RunTrigger.Console, "lan", "pl", RunStatus.Queued), (run.Trigger, run.RequestedBy, run.Language, run.Status));
        Assert.Equal("locality=la-gi year=2024", RunParameters.Describe(run.Parameters));
        Assert.StartsWith("Schedule \"broken\" fails its checks and cannot run:", broken.Message, StringComparison.Ordinal);
        Assert.StartsWith("There is no schedule \"nope\" in ", unknown.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
