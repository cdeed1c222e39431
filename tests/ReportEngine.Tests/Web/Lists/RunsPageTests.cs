using System.Net;
using ReportEngine.Runs;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>/runs: filters by template, status, day and requester; keyset paging shows every matching run exactly once, both ways.</summary>
[Collection(WebGroup.Name)]
public sealed class RunsPageTests(WebFixture fixture)
{
    private static readonly string[] Templates = ["annual-assessment", "quarterly-activities"];
    private static readonly string[] Statuses = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted];

    [Fact]
    public async Task Paging_a_filter_forwards_and_back_shows_each_matching_run_once_with_its_status()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var runs = new List<(long Id, string Template, string Status, DateTimeOffset Queued, string Who)>();
        for (var i = 0; i < 400; i++)
        {
            var (template, status, queued, who) = (Templates[i % 2], Statuses[i % 3], start.AddHours(i * 5), i % 4 == 0 ? "lan" : "schedule:test");
            runs.Add((ListsData.Run(host, template, status, queued, who), template, status, queued, who));
        }

        var client = await host.LoginAsync(ReportEngine.Web.Accounts.ConsoleRoles.Viewer);
        await ListsData.English(client);

        var expected = runs.Where(r => r.Template == Templates[0] && r.Status == RunStatus.Failed).Select(r => r.Id).OrderDescending().ToList();
        Assert.True(expected.Count > 50, "more than one page");
        var (forward, pages) = await Walk(client, $"/runs?template={Templates[0]}&status={RunStatus.Failed}", "next");
        Assert.Equal(expected, forward.SelectMany(p => p));
        Assert.True(forward.Count > 1);

        // Back from the last page, by the "newer" links, to the first: the same pages in reverse.
        var (backward, _) = await Walk(client, pages[^1], "prev");
        Assert.Equal(forward.AsEnumerable().Reverse().Select(p => string.Join(",", p)), backward.Select(p => string.Join(",", p)));

        // Each row says its status in words; a failed run's row says "Failed".
        var html = await ListsData.Html(client, "/runs");
        var newest = runs[^1];
        Assert.Contains(">" + char.ToUpperInvariant(newest.Status[0]) + newest.Status[1..] + "<", ListsData.Row(html, "run", newest.Id), StringComparison.Ordinal);
        Assert.Contains($"href=\"/runs/{newest.Id}\"", html, StringComparison.Ordinal);

        // Who, and a day range (days in Asia/Ho_Chi_Minh, +07:00).
        var (byWho, _) = await Walk(client, "/runs?who=lan", "next");
        Assert.Equal(runs.Where(r => r.Who == "lan").Select(r => r.Id).OrderDescending(), byWho.SelectMany(p => p));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var from = new DateOnly(2026, 3, 10);
        var to = new DateOnly(2026, 3, 14);
        var (byDay, _) = await Walk(client, "/runs?from=2026-03-10&to=2026-03-14", "next");
        Assert.Equal(runs.Where(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.Queued, zone).DateTime) is var d && d >= from && d <= to)
            .Select(r => r.Id).OrderDescending(), byDay.SelectMany(p => p));

        // A filter matching nothing says so.
        var none = await ListsData.Html(client, "/runs?who=nobody-at-all");
        Assert.Empty(ListsData.Ids(none, "run"));
        Assert.Contains("No run matches these filters.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_queued_while_someone_pages_neither_skips_nor_repeats_a_row()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 120).Select(i => ListsData.Run(host, Templates[0], RunStatus.Succeeded, start.AddMinutes(i))).ToList();
        var client = await host.LoginAsync(ReportEngine.Web.Accounts.ConsoleRoles.Viewer);

        var first = await ListsData.Html(client, "/runs?template=" + Templates[0]);
        var seen = ListsData.Ids(first, "run");
        ListsData.Run(host, Templates[0], RunStatus.Succeeded, start.AddDays(3)); // arrives between two pages
        var next = ListsData.Link(first, "next");
        while (next is not null)
        {
            var html = await ListsData.Html(client, next);
            seen.AddRange(ListsData.Ids(html, "run"));
            next = ListsData.Link(html, "next");
        }

        Assert.Equal(ids.OrderDescending(), seen);
    }

    [Fact]
    public async Task A_date_that_is_not_a_day_is_refused_with_a_message_not_an_error_page()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = await host.LoginAsync(ReportEngine.Web.Accounts.ConsoleRoles.Viewer);
        var html = await ListsData.Html(client, "/runs?from=yesterday");
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("năm-tháng-ngày", html, StringComparison.Ordinal);
    }

    /// <summary>Follows the rel links from a page to the end: each page's ids in order, and the pages' addresses.</summary>
    private static async Task<(List<List<long>> Ids, List<string> Pages)> Walk(HttpClient client, string first, string rel)
    {
        var ids = new List<List<long>>();
        var pages = new List<string>();
        string? next = first;
        while (next is not null)
        {
            pages.Add(next);
            var html = await ListsData.Html(client, next);
            ids.Add(ListsData.Ids(html, "run"));
            next = ListsData.Link(html, rel);
            Assert.True(pages.Count < 100, "paging does not end");
        }

        return (ids, pages);
    }

    [Fact]
    public async Task Each_page_says_its_server_time_in_a_Server_Timing_header()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = await host.LoginAsync(ReportEngine.Web.Accounts.ConsoleRoles.Viewer);
        using var response = await client.GetAsync("/runs");
        var timing = Assert.Single(response.Headers.GetValues("Server-Timing"));
        Assert.Matches(@"^app;dur=\d+(\.\d)?$", timing);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        using var response = await host.CreateClient().GetAsync("/runs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
