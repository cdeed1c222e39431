using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Browser;

/// <summary>The console in a real browser (Debian's chromium): logging in in both languages, lockout, what a viewer sees and may do, accessibility.</summary>
[Collection(WebGroup.Name)]
public sealed class ConsoleBrowserTests(WebFixture fixture, Browser browser)
{
    [Fact]
    public async Task Logging_in_shows_the_console_in_vietnamese_and_after_switching_in_english()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("hoa", ConsoleRoles.Operator, ConsoleHost.Password);
        var page = await browser.NewPageAsync(host);

        await page.GotoAsync("/");
        Assert.EndsWith("/login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Đăng nhập", await page.InnerTextAsync("h1"));
        await Browser.LogInAsync(page, "hoa", ConsoleHost.Password);
        Assert.Equal("Tổng quan", await page.InnerTextAsync("h1"));

        await page.SelectOptionAsync("#language-choice", "en");
        await page.ClickAsync("form.language-switch button");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Dashboard", await page.InnerTextAsync("h1"));
        Assert.True(await page.IsVisibleAsync("nav a[href='/run']"));
        Assert.False(await page.IsVisibleAsync("nav a[href='/users']"));
    }

    [Fact]
    public async Task The_login_page_in_english_says_a_locked_account_is_locked()
    {
        await using var host = await ConsoleHost.StartAsync(fixture, new Dictionary<string, string?> { ["Web:MaxFailedLogins"] = "2" });
        await host.CreateUserAsync("minh", ConsoleRoles.Viewer, ConsoleHost.Password);
        var page = await browser.NewPageAsync(host);
        await page.GotoAsync("/login");
        await page.SelectOptionAsync("#language-choice", "en");
        await page.ClickAsync("form.language-switch button");

        await Browser.LogInAsync(page, "minh", "wrong password one");
        Assert.Contains("not right", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        await Browser.LogInAsync(page, "minh", "wrong password two");
        await Browser.LogInAsync(page, "minh", ConsoleHost.Password);

        Assert.Contains("locked", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("Log in", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task A_viewer_sees_no_admin_links_and_a_forged_post_to_the_users_form_is_refused()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("viet", ConsoleRoles.Viewer, ConsoleHost.Password);
        var page = await browser.NewPageAsync(host);
        await Browser.LogInAsync(page, "viet", ConsoleHost.Password);

        var links = await page.Locator("nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        // The viewer's own session, with its cookies, posting what the admin's Users form would post.
        var withToken = await page.Context.APIRequest.PostAsync("/users?handler=Add", new APIRequestContextOptions
        {
            Form = Form(page, ("name", "intruder"), ("role", "admin"), ("password", "a long enough password")),
            MaxRedirects = 0,
        });
        var stranger = await browser.NewPageAsync(host);
        var anonymous = await stranger.Context.APIRequest.PostAsync("/users?handler=Add", new APIRequestContextOptions
        {
            Form = Form(stranger, ("name", "intruder"), ("role", "admin"), ("password", "a long enough password")),
            MaxRedirects = 0,
        });

        Assert.DoesNotContain("/users", links);
        Assert.DoesNotContain("/apikeys", links);
        Assert.DoesNotContain("/audit", links);
        Assert.DoesNotContain("/run", links);
        Assert.Contains("/runs", links);
        Assert.Equal(403, withToken.Status);
        Assert.Equal(302, anonymous.Status);
        Assert.Contains("/login", anonymous.Headers["location"], StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<AccountStore>().FindByNameAsync("intruder"));
    }

    [Fact]
    public async Task An_admin_without_the_forms_token_gets_400_and_with_it_adds_an_account()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("quan", ConsoleRoles.Admin, ConsoleHost.Password);
        var page = await browser.NewPageAsync(host);
        await Browser.LogInAsync(page, "quan", ConsoleHost.Password);

        var forged = await page.Context.APIRequest.PostAsync("/users?handler=Add", new APIRequestContextOptions
        {
            Form = Form(page, ("name", "forged"), ("role", "viewer"), ("password", "a long enough password")),
            MaxRedirects = 0,
        });
        await page.GotoAsync("/users");
        await page.FillAsync("#new-name", "thu");
        await page.SelectOptionAsync("#new-role", "operator");
        await page.FillAsync("#new-password", "a long enough password");
        await page.ClickAsync("form.stacked button[type=submit]");

        Assert.Equal(400, forged.Status);
        Assert.Contains("thu", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<AccountStore>().FindByNameAsync("forged"));
        Assert.Equal("operator", (await host.Services.GetRequiredService<AccountStore>().FindByNameAsync("thu"))!.Role);
    }

    [Theory]
    [InlineData("/login", "vi")]
    [InlineData("/login", "en")]
    [InlineData("/", "vi")]
    [InlineData("/users", "vi")]
    [InlineData("/apikeys", "en")]
    [InlineData("/audit", "vi")]
    public async Task Pages_have_no_serious_accessibility_violations(string path, string language)
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("admin", ConsoleRoles.Admin, ConsoleHost.Password);
        var page = await browser.NewPageAsync(host);
        await page.GotoAsync("/login");
        if (language == "en")
        {
            await page.SelectOptionAsync("#language-choice", "en");
            await page.ClickAsync("form.language-switch button");
        }

        if (path != "/login")
        {
            await Browser.LogInAsync(page, "admin", ConsoleHost.Password);
            await page.GotoAsync(path);
        }

        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await Accessibility.AssertNoSeriousViolations(page);
    }

    private static IFormData Form(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
