using ReportEngine.Scheduling;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Scheduling;

[Collection(WorkerGroup.Name)]
public sealed class ScheduleLoaderTests(WorkerFixture fixture) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_shipped_schedules_file_is_valid()
    {
        var set = Loader().Load(Path.Combine(RepositoryPaths.Root, "config", "schedules.yaml"));

        Assert.Empty(set.Problems);
        Assert.Equal(2, set.Schedules.Count);
        Assert.All(set.Schedules, s => Assert.Equal("Asia/Ho_Chi_Minh", s.Zone.Id));
    }

    [Fact]
    public void Each_bad_schedule_is_reported_by_id_and_the_good_one_is_kept()
    {
        var file = _folder.File("schedules.yaml");
        File.WriteAllText(file, """
            schedules:
              - id: good
                template: annual-assessment
                parameters: { year: 2024, locality: binh-thuan }
                cron: "0 0 7 5 9 ?"
              - id: bad-cron
                template: annual-assessment
                cron: "every morning"
              - id: bad-zone
                template: annual-assessment
                cron: "0 0 7 5 9 ?"
                time-zone: Asia/Saigon_Old
              - id: bad-locality
                template: annual-assessment
                parameters: { locality: atlantis }
                cron: "0 0 7 5 9 ?"
              - id: good
                template: annual-assessment
                cron: "0 0 8 5 9 ?"
            """);

        var set = Loader().Load(file);

        Assert.Equal("good", Assert.Single(set.Schedules).Definition.Id);
        Assert.Contains(set.Problems, p => p.StartsWith("schedule \"bad-cron\": \"every morning\" is not a Quartz cron expression", StringComparison.Ordinal));
        Assert.Contains(set.Problems, p => p.StartsWith("schedule \"bad-zone\": the time zone \"Asia/Saigon_Old\" is unknown", StringComparison.Ordinal));
        Assert.Contains(set.Problems, p => p.StartsWith("schedule \"bad-locality\": ", StringComparison.Ordinal) && p.Contains("atlantis", StringComparison.Ordinal));
        Assert.Contains("schedule \"good\": another schedule has the same id", set.Problems);
    }

    [Fact]
    public void The_timing_fingerprint_ignores_parameters_so_editing_them_keeps_the_trigger()
    {
        var a = Load("year: 2024, locality: binh-thuan", "0 0 7 5 9 ?");
        var b = Load("year: 2024, locality: phan-thiet", "0 0 7 5 9 ?");
        var c = Load("year: 2024, locality: binh-thuan", "0 0 8 5 9 ?");

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }

    public void Dispose() => _folder.Dispose();

    private CheckedSchedule Load(string parameters, string cron)
    {
        var file = _folder.File(Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, $$"""
            schedules:
              - id: s
                template: annual-assessment
                parameters: { {{parameters}} }
                cron: "{{cron}}"
            """);
        var set = Loader().Load(file);
        Assert.Empty(set.Problems);
        return Assert.Single(set.Schedules);
    }

    private ScheduleLoader Loader() =>
        new(RepositoryPaths.Templates, fixture.Template, "Asia/Ho_Chi_Minh", TimeProvider.System);
}
