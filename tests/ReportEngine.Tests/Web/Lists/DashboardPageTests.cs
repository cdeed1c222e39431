using ReportEngine.Runs;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>/: the worker's state, the last seven days' runs with failures first, and the deliveries that need someone, counted by the test.</summary>
[Collection(WebGroup.Name)]
public sealed class DashboardPageTests(WebFixture fixture)
{
    [Fact]
    public async Task The_dashboard_shows_failures_first_and_the_counts_the_database_holds()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var now = DateTimeOffset.UtcNow;
        var old = ListsData.Run(host, "annual-assessment", RunStatus.Failed, now.AddDays(-9));
        var succeeded = Enumerable.Range(1, 4).Select(i => ListsData.Run(host, "annual-assessment", RunStatus.Succeeded, now.AddHours(-i))).ToList();
        var failed = ListsData.Run(host, "quarterly-activities", RunStatus.Failed, now.AddDays(-2));
        var interrupted = ListsData.Run(host, "quarterly-activities", RunStatus.Interrupted, now.AddDays(-3));
        var committee = ListsData.Scalar<string>(host, "SELECT code FROM committees ORDER BY id LIMIT 1");
        ListsData.Delivery(host, failed, committee, "a@example.org", "failed", "550 no such user");
        ListsData.Delivery(host, failed, committee, "b@example.org", "dead", "timeout");
        ListsData.Delivery(host, failed, committee, "c@example.org", "dead", "timeout");

        var client = await host.LoginAsync(ConsoleRoles.Viewer);
        await ListsData.English(client);
        var html = await ListsData.Html(client, "/");

        var ids = ListsData.Ids(html, "run");
        Assert.DoesNotContain(old, ids);
        var mine = new List<long> { interrupted, failed };
        mine.AddRange(succeeded.OrderDescending());
        Assert.Equal(mine, ids.Where(mine.Contains));
        Assert.Contains(">Failed<", ListsData.Row(html, "run", failed), StringComparison.Ordinal);

        // Counted here from the table, whatever the worker has done meanwhile (pending may well be zero).
        var pending = ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM deliveries WHERE status = 'pending'");
        Assert.Contains($"href=\"/deliveries?status=pending\">Pending: {pending}<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/deliveries?status=failed\">Failed: 1<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/deliveries?status=dead\">Given up: 2<", html, StringComparison.Ordinal);

        // The host's own worker beats: it is serving.
        var live = ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM workers");
        Assert.True(live > 0);
        Assert.Contains("A worker is serving", html, StringComparison.Ordinal);
    }
}
