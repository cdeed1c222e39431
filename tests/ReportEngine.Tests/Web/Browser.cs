using Microsoft.Playwright;

namespace ReportEngine.Tests.Web;

/// <summary>
/// Debian's chromium (/usr/bin/chromium) driven by Playwright, headless: Playwright's own browser download
/// is never used (PlaywrightSkipBrowserDownload in the project; tests/run installs the Debian package).
/// One browser per test class; each test opens its own context (cookies, language, downloads).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"The browser tests need Debian's chromium at {Chromium} (apt-get install chromium; tests/run does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in a container has no user namespace for chromium's sandbox.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh context (no cookies) on the host, in <paramref name="language"/> (the console's language cookie).</summary>
    public async Task<IPage> NewPageAsync(ConsoleHost host, string language = "en")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), AcceptDownloads = true });
        await context.AddCookiesAsync([new Cookie { Name = "ReportEngine.Language", Value = language, Url = host.BaseAddress.ToString() }]);
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the login page as <paramref name="name"/> (password <see cref="ConsoleHost.Password"/>).</summary>
    public static async Task LogInAsync(IPage page, string name, string password = ConsoleHost.Password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.stacked button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
