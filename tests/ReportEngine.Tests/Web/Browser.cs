using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ReportEngine.Web.Text;

namespace ReportEngine.Tests.Web;

/// <summary>
/// Debian's chromium (/usr/bin/chromium) driven by Playwright, headless; Playwright's own browsers are never
/// downloaded. One browser per test; <see cref="NewPageAsync"/> gives a page logged in to a console host.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox"],
            });
            return new Browser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (its own cookies) in the given language, logged in with the name and password.</summary>
    public async Task<IPage> NewPageAsync(ConsoleHost host, string name, string password, string language)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString().TrimEnd('/') });
        await context.AddCookiesAsync([new Cookie { Name = ConsoleLanguages.CookieName, Value = language, Url = host.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>axe (Deque.AxeCore.Playwright) over a page: no serious or critical violation.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolations(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
