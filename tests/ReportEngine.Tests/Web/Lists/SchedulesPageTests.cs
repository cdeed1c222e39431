using System.Globalization;
using System.Net;
using Quartz;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>/schedules (and the dashboard's next firings): the file as loaded, problems shown, next firings in each schedule's zone; run now queues one run.</summary>
[Collection(WebGroup.Name)]
public sealed class SchedulesPageTests(WebFixture fixture)
{
    private const string Schedules = """
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
        """;

    [Fact]
    public async Task Schedules_show_next_firings_in_their_zone_with_the_offset_and_the_problems()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await File.WriteAllTextAsync(Path.Combine(host.Folder, "config", "schedules.yaml"), Schedules);
        var client = await host.LoginAsync(ConsoleRoles.Viewer);
        await ListsData.English(client);

        var html = WebUtility.HtmlDecode(await ListsData.Html(client, "/schedules"));
        var dashboard = WebUtility.HtmlDecode(await ListsData.Html(client, "/"));

        var morning = Next("0 0 8 * * ?", "Asia/Ho_Chi_Minh", 3);
        var warsaw = Next("0 30 9 ? * MON", "Europe/Warsaw", 3);
        Assert.All(morning, time => Assert.Contains($"<li>{time}</li>", ListsData.Row(html, "schedule", "morning"), StringComparison.Ordinal));
        Assert.All(warsaw, time => Assert.Contains($"<li>{time}</li>", ListsData.Row(html, "schedule", "warsaw"), StringComparison.Ordinal));
        Assert.Contains("Europe/Warsaw", ListsData.Row(html, "schedule", "warsaw"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-schedule=\"broken\"", html, StringComparison.Ordinal);
        Assert.Contains("no-such-template", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/schedules/run-now", html, StringComparison.Ordinal); // a viewer runs nothing
        Assert.Contains($">{morning[0]}<", ListsData.Row(dashboard, "schedule", "morning"), StringComparison.Ordinal);
        Assert.Contains($">{warsaw[0]}<", ListsData.Row(dashboard, "schedule", "warsaw"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_now_queues_exactly_one_run_even_when_posted_twice_and_a_viewer_gets_403()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await File.WriteAllTextAsync(Path.Combine(host.Folder, "config", "schedules.yaml"), Schedules);
        var before = ListsData.Scalar<long>(host, "SELECT COALESCE(MAX(id), 0) FROM runs");
        var viewer = await host.LoginAsync(ConsoleRoles.Viewer);
        using (var forged = await ConsoleForms.Post(viewer, "/schedules", "/schedules/run-now", new Dictionary<string, string> { ["id"] = "warsaw", ["key"] = "k1" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var page = await ListsData.Html(client, "/schedules");
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"key\" value=\"([^\"]+:warsaw)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        for (var click = 0; click < 2; click++)
        {
            using var response = await ConsoleForms.Post(client, "/schedules", "/schedules/run-now", new Dictionary<string, string> { ["id"] = "warsaw", ["key"] = key });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var runs = ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM runs WHERE id > @before", new { before });
        var mine = ListsData.Scalar<string>(host, "SELECT trigger || ' ' || requested_by || ' ' || language || ' ' || template FROM runs WHERE id > @before", new { before });
        Assert.Equal(1, runs);
        Assert.Equal("console operator-2 pl annual-assessment", mine);
        Assert.Equal(1, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM console_audit_log WHERE action = 'schedule.run-now' AND target = 'warsaw'"));
        var after = await ListsData.Html(client, "/schedules");
        Assert.Contains("role=\"status\"", after, StringComparison.Ordinal);

        // A schedule that fails its checks is refused with its problem, and queues nothing.
        using (var broken = await ConsoleForms.Post(client, "/schedules", "/schedules/run-now", new Dictionary<string, string> { ["id"] = "broken", ["key"] = "k2" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, broken.StatusCode);
        }

        Assert.Contains("fails its checks", WebUtility.HtmlDecode(await ListsData.Html(client, "/schedules")), StringComparison.Ordinal);
        Assert.Equal(1, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM runs WHERE id > @before", new { before }));
    }

    /// <summary>The cron's next times after now, computed here with Quartz, shown in the zone with the offset.</summary>
    private static List<string> Next(string cron, string zoneId, int count)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var expression = new CronExpression(cron).WithTimeZone(zone);
        var times = new List<string>();
        var after = DateTimeOffset.UtcNow;
        while (times.Count < count && expression.GetNextValidTimeAfter(after) is { } next)
        {
            times.Add(TimeZoneInfo.ConvertTime(next, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
            after = next;
        }

        return times;
    }
}
