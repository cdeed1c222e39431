using System.Net;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>`serve` hosts the console: /health answers anyone, pages need a login, a login opens them.</summary>
[Collection(WebGroup.Name)]
public sealed class ConsoleHostTests(WebFixture fixture)
{
    [Fact]
    public async Task Health_answers_without_a_login_and_a_page_redirects_to_the_login()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = host.CreateClient();

        using var health = await client.GetAsync("/health");
        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("healthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.True(host.BaseAddress.IsLoopback);
    }

    [Fact]
    public async Task A_logged_in_viewer_sees_the_dashboard_in_the_layout()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = await host.LoginAsync(ConsoleRoles.Viewer);

        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/runs\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/users\"", html, StringComparison.Ordinal);
        Assert.Contains("Tổng quan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[layout.", html, StringComparison.Ordinal);
    }
}
