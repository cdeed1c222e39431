using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Web.Browser;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;
using WebBrowser = ReportEngine.Tests.Web.Browser.Browser;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>
/// The list pages in Debian's chromium: each in Vietnamese and English passes axe with no serious or critical
/// violation (with rows in its tables, and an operator's buttons shown); a viewer is shown no operator button.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class ListPagesBrowserTests(WebFixture fixture, WebBrowser browser)
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task Every_list_page_passes_axe(string language)
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var code = Seed(host);
        await host.CreateUserAsync("hoa", ConsoleRoles.Operator, ConsoleHost.Password);
        var page = await LogIn(host, "hoa", language);

        foreach (var path in Pages(code))
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok == true, $"{path}: {response?.Status}");
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            await Accessibility.AssertNoSeriousViolations(page);
        }

        // A refused edit shows its message on an accessible page too.
        await page.GotoAsync($"/committees/edit/{code}");
        await page.FillAsync("#to", "not an address");
        await page.ClickAsync("main form button[type=submit]");
        Assert.Contains("not an address", await page.InnerTextAsync("#problem"), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolations(page);
    }

    [Fact]
    public async Task A_viewer_is_shown_no_retry_edit_import_or_run_now_button()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var code = Seed(host);
        await host.CreateUserAsync("minh", ConsoleRoles.Viewer, ConsoleHost.Password);
        var page = await LogIn(host, "minh", "vi");

        foreach (var path in new[] { "/deliveries", "/committees", "/schedules" })
        {
            await page.GotoAsync(path);
            Assert.Equal(0, await page.Locator("main form[method=post]").CountAsync());
            Assert.Equal(0, await page.Locator("a[href^='/committees/edit'], a[href='/committees/import']").CountAsync());
        }

        var forbidden = await page.APIRequest.GetAsync($"/committees/edit/{code}");
        Assert.Equal(403, forbidden.Status);
    }

    /// <summary>A page in the language (its cookie, as the header's switch sets it), logged in.</summary>
    private async Task<IPage> LogIn(ConsoleHost host, string name, string language)
    {
        var page = await browser.NewPageAsync(host, language);
        await page.Context.AddCookiesAsync([new Cookie { Name = ConsoleLanguages.CookieName, Value = language, Url = host.BaseAddress.ToString() }]);
        await WebBrowser.LogInAsync(page, name, ConsoleHost.Password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private static IEnumerable<string> Pages(string code) =>
        ["/", "/runs", "/runs?status=failed", "/deliveries", "/deliveries?status=failed", "/committees", $"/committees/edit/{code}", "/committees/import", "/schedules"];

    /// <summary>Runs and deliveries in every state, so each table has rows; returns a committee's code.</summary>
    private static string Seed(ConsoleHost host)
    {
        var now = DateTimeOffset.UtcNow;
        var failed = ListsData.Run(host, "annual-assessment", RunStatus.Failed, now.AddHours(-2));
        ListsData.Run(host, "annual-assessment", RunStatus.Succeeded, now.AddHours(-1));
        ListsData.Run(host, "quarterly-activities", RunStatus.Interrupted, now.AddHours(-3));
        var codes = host.Services.GetRequiredService<CommitteeStore>().All().Select(c => c.Code).Take(3).ToList();
        ListsData.Delivery(host, failed, codes[0], "a@example.org", "failed", "550 mailbox unknown");
        ListsData.Delivery(host, failed, codes[1], "b@example.org", "dead", "timeout");
        ListsData.Delivery(host, failed, codes[2], "c@example.org", "sent");
        return codes[0];
    }
}
