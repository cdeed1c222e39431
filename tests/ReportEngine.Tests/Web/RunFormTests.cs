using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Requests;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>The run form over HTTP: its two languages, the CLI's refusals next to their fields, the locality search, and what a viewer may not do.</summary>
[Collection(WebGroup.Name)]
public sealed class RunFormTests(WebFixture fixture)
{
    [Fact]
    public async Task The_run_form_is_in_Vietnamese_and_in_English()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = await host.LoginAsync(ConsoleRoles.Operator);

        var vietnamese = await Html(client, "/run?template=annual-assessment");
        Assert.Contains("<h1>Chạy báo cáo</h1>", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Tìm địa bàn", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Gửi hàng loạt đến các cấp ủy", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", vietnamese, StringComparison.Ordinal);

        using (var switched = await ConsoleForms.Post(client, "/run", "/language", new Dictionary<string, string> { ["language"] = "en", ["returnUrl"] = "/run" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        var english = await Html(client, "/run?template=annual-assessment");
        Assert.Contains("<h1>Run a report</h1>", english, StringComparison.Ordinal);
        Assert.Contains("Find a locality", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        // Generated from the template: each parameter's input, its range and description.
        Assert.Contains("id=\"param-year\" name=\"Values[year]\" type=\"number\"", english, StringComparison.Ordinal);
        Assert.Contains("min=\"2000\" max=\"2100\"", english, StringComparison.Ordinal);
        Assert.Contains("id=\"param-as_of\" name=\"Values[as_of]\" type=\"date\"", english, StringComparison.Ordinal);
        Assert.Contains("The year assessed", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year", "1999", "la-gi", "report", "")]
    [InlineData("year", "twenty", "la-gi", "report", "")]
    [InlineData("locality", "2024", "atlantis", "report", "")]
    [InlineData("committees", "2024", "", "burst", "nowhere")]
    public async Task A_refused_request_shows_the_CLI_message_next_to_its_field(string field, string year, string locality, string mode, string codes)
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var parameters = new Dictionary<string, string> { ["year"] = year };
        if (locality.Length > 0)
        {
            parameters["locality"] = locality;
        }

        var request = new RunRequest("annual-assessment", parameters, mode == "report" ? "en" : null, mode == "burst" ? codes : null);
        var expected = Assert.Throws<ReportEngineException>(() => host.Services.GetRequiredService<RunRequests>().Check(request)).Message;

        var fields = new Dictionary<string, string>
        {
            ["template"] = "annual-assessment",
            ["Values[year]"] = year,
            ["Values[locality]"] = locality,
            ["Mode"] = mode,
            ["Language"] = "en",
            ["Level"] = "",
            ["Codes"] = codes,
        };
        using var response = await ConsoleForms.Post(client, "/run", "/run", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<p class=\"field-error\" id=\"error-{field}\">{expected}</p>", html, StringComparison.Ordinal);
        var help = field == "committees" ? "help-codes" : "help-" + field;
        Assert.Contains($"aria-describedby=\"{help} error-{field}\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<ReportEngine.Runs.RunStore>().List(10));
    }

    [Fact]
    public async Task A_form_submitted_twice_queues_one_run_for_the_operator_under_the_console_trigger()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("oanh", ConsoleRoles.Operator, ConsoleHost.Password);
        var client = await host.LoginAsync("oanh", ConsoleHost.Password);
        var token = await ConsoleForms.Token(client, "/run");
        var fields = new Dictionary<string, string>
        {
            [ConsoleForms.TokenField] = token,
            ["template"] = "annual-assessment",
            ["RequestKey"] = "console-double-click",
            ["Values[year]"] = "2024",
            ["Values[locality]"] = "la-gi",
            ["Mode"] = "report",
            ["Language"] = "en",
        };
        var locations = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync("/run", content);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            locations.Add(response.Headers.Location!.OriginalString);
        }

        var run = Assert.Single(host.Services.GetRequiredService<ReportEngine.Runs.RunStore>().List(10));
        Assert.Equal([$"/runs/{run.Id}", $"/runs/{run.Id}"], locations);
        Assert.Equal((ReportEngine.Runs.RunTrigger.Console, "oanh", "en"), (run.Trigger, run.RequestedBy, run.Language));
        Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync("oanh", AuditActions.RunQueued, null, 10));
    }

    [Fact]
    public async Task The_locality_search_finds_names_without_their_diacritics()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var html = await Html(client, "/run?template=annual-assessment&find=ham%20tan");
        Assert.Contains("<td><code>ham-tan</code></td>", html, StringComparison.Ordinal);
        Assert.Contains("Hàm Tân", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>la-gi</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"la-gi\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ham-tan\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_has_no_run_button_and_a_forged_post_is_forbidden()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var viewer = await host.LoginAsync(ConsoleRoles.Viewer);
        Assert.DoesNotContain("href=\"/run\"", await Html(viewer, "/"), StringComparison.Ordinal);
        using (var form = await viewer.GetAsync("/run"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        }

        // A valid antiforgery token, from a page the viewer may see (the language form of the layout).
        var fields = new Dictionary<string, string>
        {
            ["template"] = "annual-assessment",
            ["Values[year]"] = "2024",
            ["Values[locality]"] = "la-gi",
            ["Mode"] = "report",
            ["Language"] = "en",
        };
        foreach (var action in new[] { "/run", "/run/actions/again", "/run/actions/retry", "/run/actions/retryfailed" })
        {
            using var forged = await ConsoleForms.Post(viewer, "/", action, new Dictionary<string, string>(fields) { ["run"] = "1", ["delivery"] = "1" });
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Empty(host.Services.GetRequiredService<ReportEngine.Runs.RunStore>().List(10));
    }

    private static async Task<string> Html(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
