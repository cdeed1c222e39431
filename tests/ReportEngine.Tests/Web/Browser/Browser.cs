using Microsoft.Playwright;

namespace ReportEngine.Tests.Web.Browser;

/// <summary>
/// Debian's chromium (/usr/bin/chromium, installed by tests/run), headless, driven by Playwright; launched
/// once, on first use, for the whole web collection. Playwright's own browser download is never run
/// (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, and no install call): there is no network.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Task<IBrowser>? _launching;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A fresh context (its own cookies) with the host as base URL, and a page in it, in the given language.</summary>
    public async Task<IPage> NewPageAsync(ConsoleHost host, string language = "vi")
    {
        // The web collection's tests run one after another, so the first caller launches and the rest reuse.
        var browser = await (_launching ??= Launch());
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = language,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the login form as a person would.</summary>
    public static async Task LogInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.stacked button[type=submit]");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task<IBrowser> Launch()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run tests/run (it installs Debian's chromium) or apt-get install chromium");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root (CI containers) chromium refuses to start sandboxed.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return _browser;
    }
}
