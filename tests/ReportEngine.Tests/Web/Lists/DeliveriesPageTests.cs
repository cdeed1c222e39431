using System.Net;
using ReportEngine.Runs;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>/deliveries: filters by status, committee and run; an operator retries one or all failed (audited); a viewer cannot.</summary>
[Collection(WebGroup.Name)]
public sealed class DeliveriesPageTests(WebFixture fixture)
{
    [Fact]
    public async Task Filters_show_exactly_the_matching_deliveries_with_attempts_and_errors()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var (run1, run2) = (ListsData.Run(host, "annual-assessment", RunStatus.Succeeded, DateTimeOffset.UtcNow), ListsData.Run(host, "annual-assessment", RunStatus.Succeeded, DateTimeOffset.UtcNow));
        var codes = ListsData.Scalar<string>(host, "SELECT group_concat(code) FROM (SELECT code FROM committees ORDER BY id LIMIT 2)").Split(',');
        var failed = ListsData.Delivery(host, run1, codes[0], "x@example.org", "failed", "550 5.1.1 mailbox unknown");
        var dead = ListsData.Delivery(host, run1, codes[1], "y@example.org", "dead", "connection refused");
        var sent = ListsData.Delivery(host, run2, codes[1], "z@example.org", "sent");

        var client = await host.LoginAsync(ConsoleRoles.Viewer);
        await ListsData.English(client);

        Assert.Equal([failed], ListsData.Ids(await ListsData.Html(client, "/deliveries?status=failed"), "delivery"));
        Assert.Equal([sent, dead], ListsData.Ids(await ListsData.Html(client, "/deliveries?committee=" + codes[1]), "delivery"));
        Assert.Equal([dead, failed], ListsData.Ids(await ListsData.Html(client, $"/deliveries?run={run1}"), "delivery"));
        Assert.Empty(ListsData.Ids(await ListsData.Html(client, $"/deliveries?run={run2}&status=failed"), "delivery"));
        var row = ListsData.Row(await ListsData.Html(client, "/deliveries"), "delivery", failed);
        Assert.Contains("550 5.1.1 mailbox unknown", row, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", row, StringComparison.Ordinal);
        Assert.Contains(">Failed<", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_retries_one_then_all_failed_and_each_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var run = ListsData.Run(host, "annual-assessment", RunStatus.Succeeded, DateTimeOffset.UtcNow);
        var codes = ListsData.Scalar<string>(host, "SELECT group_concat(code) FROM (SELECT code FROM committees ORDER BY id LIMIT 3)").Split(',');
        var one = ListsData.Delivery(host, run, codes[0], "x@example.org", "failed", "550");
        var two = ListsData.Delivery(host, run, codes[1], "y@example.org", "dead", "timeout");
        var three = ListsData.Delivery(host, run, codes[2], "w@example.org", "failed", "550");
        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var page = await ListsData.Html(client, "/deliveries");
        Assert.Contains("id=\"retry-all-failed\"", page, StringComparison.Ordinal);

        using (var response = await ConsoleForms.Post(client, "/deliveries", "/deliveries/retry?handler=One",
            new Dictionary<string, string> { ["id"] = one.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = "/deliveries?status=failed" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/deliveries?status=failed", response.Headers.Location?.OriginalString);
        }

        Assert.NotEqual("failed", Status(host, one));
        Assert.Equal("dead", Status(host, two));
        Assert.Equal("failed", Status(host, three));

        using (var response = await ConsoleForms.Post(client, "/deliveries", "/deliveries/retry?handler=AllFailed",
            new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" }))
        {
            Assert.Equal("/deliveries", response.Headers.Location?.OriginalString);
        }

        Assert.All(new[] { two, three }, id => Assert.Equal("pending", Status(host, id)));
        Assert.Equal(1, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM console_audit_log WHERE action = 'delivery.retried' AND target = @t", new { t = one.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(1, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM console_audit_log WHERE action = 'delivery.retried-all-failed' AND remote_address = '127.0.0.1'"));
    }

    [Fact]
    public async Task A_viewer_sees_no_retry_button_and_a_forged_retry_gets_403()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var run = ListsData.Run(host, "annual-assessment", RunStatus.Succeeded, DateTimeOffset.UtcNow);
        var code = ListsData.Scalar<string>(host, "SELECT code FROM committees ORDER BY id LIMIT 1");
        var id = ListsData.Delivery(host, run, code, "x@example.org", "failed", "550");
        var viewer = await host.LoginAsync(ConsoleRoles.Viewer);

        var html = await ListsData.Html(viewer, "/deliveries");
        Assert.Contains($"data-delivery=\"{id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/deliveries/retry", html, StringComparison.Ordinal);
        using var one = await ConsoleForms.Post(viewer, "/deliveries", "/deliveries/retry?handler=One", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var all = await ConsoleForms.Post(viewer, "/deliveries", "/deliveries/retry?handler=AllFailed", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.Equal("failed", Status(host, id));
    }

    private static string Status(ConsoleHost host, long id) => ListsData.Scalar<string>(host, "SELECT status FROM deliveries WHERE id = @id", new { id });
}
