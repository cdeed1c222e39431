using System.Net;

namespace ReportEngine.Tests.Web;

/// <summary>Every answer carries the security headers: pages, the health probe, static files, refusals.</summary>
[Collection(WebGroup.Name)]
public sealed class SecurityHeadersTests(WebFixture fixture)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/assets/console.css")]
    [InlineData("/users")]
    public async Task Each_response_forbids_inline_script_framing_and_sniffing(string path)
    {
        await using var host = await ConsoleHost.StartAsync(fixture);

        using var response = await host.CreateClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_login_cookie_is_http_only_and_same_site_strict()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("chi", "viewer", ConsoleHost.Password);

        using var response = await ConsoleForms.PostLogin(host.CreateClient(), "chi", ConsoleHost.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ReportEngine.Console=", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
