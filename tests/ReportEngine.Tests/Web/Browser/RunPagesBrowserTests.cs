using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReportEngine.Data;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Browser;

/// <summary>
/// The operator's core flow in a real browser (Debian's chromium) against the real host, whose own worker
/// renders the queued runs: run a report from the form and download it; burst to the district committees
/// over aiosmtpd, retry the delivery it refused; what a viewer sees; axe on each page.
/// </summary>
[Collection(WebGroup.Name)]
public sealed partial class RunPagesBrowserTests(WebFixture fixture, Browser browser)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_operator_runs_the_annual_assessment_from_the_form_sees_it_succeed_and_downloads_the_pdf()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("olga", ConsoleRoles.Operator, ConsoleHost.Password);
        var page = await EnglishPageAsync(host, "olga");

        await page.GotoAsync("/run?template=annual-assessment");
        await Accessibility.AssertNoSeriousViolations(page);
        await page.FillAsync("#param-year", "2024");
        await page.FillAsync("#param-locality", "la-gi");
        await page.CheckAsync("#mode-report");
        await page.SelectOptionAsync("#language", "en");
        await page.ClickAsync("#run-submit");
        await page.WaitForURLAsync(RunPage());
        var runId = long.Parse(RunPage().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        Assert.Equal(RunStatus.Succeeded, await FinalStatus(page, "#run-status", RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted));
        var run = host.Services.GetRequiredService<RunStore>().Find(runId)!;
        Assert.Equal((RunTrigger.Console, "olga", "en"), (run.Trigger, run.RequestedBy, run.Language));
        Assert.Equal(run.Sha256, await page.TextContentAsync("#run-sha256"));
        Assert.Equal(run.Pages!.Value.ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#run-pages"));
        Assert.Contains("la-gi", await page.TextContentAsync("table.parameters"), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolations(page);

        // Previews of the first pages: PNGs, by run id and page number.
        Assert.Equal(Math.Min(3, (int)run.Pages.Value), await page.Locator(".previews img").CountAsync());
        var preview = await page.APIRequest.GetAsync($"/runs/{runId}/preview/1");
        Assert.Equal(200, preview.Status);
        Assert.Equal("image/png", preview.Headers["content-type"]);
        Assert.Equal(PngSignature, (await preview.BodyAsync())[..4]);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/runs/{runId}/preview/4")).Status);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        Assert.Equal(Path.GetFileName(run.ArchivePath), download.SuggestedFilename);
        var saved = Path.Combine(host.Folder, "downloaded.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(run.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(saved))));
        var (organisations, members) = LaGiFigures(host.Database);
        var total = string.Create(CultureInfo.InvariantCulture, $@"Total\s+{organisations:N0}\s+\d+\s+{members:N0}\s");
        Assert.Matches(new Regex(total), PdfText.Poppler(saved, layout: true));

        // A viewer sees the run but none of the operator's buttons, and no way to the run form.
        await host.CreateUserAsync("vera", ConsoleRoles.Viewer, ConsoleHost.Password);
        var viewer = await EnglishPageAsync(host, "vera");
        await viewer.GotoAsync($"/runs/{runId}");
        Assert.Equal(RunStatus.Succeeded, await viewer.GetAttributeAsync("#run-status", "data-status"));
        Assert.Equal(0, await viewer.Locator("#run-again").CountAsync());
        Assert.Equal(0, await viewer.Locator("a[href='/run']").CountAsync());
        Assert.Equal(403, (await viewer.GotoAsync("/run"))!.Status);

        // Run again: a new queued run of the same template, language and resolved parameters.
        await page.ClickAsync("#run-again");
        await page.WaitForURLAsync(url => RunPage().IsMatch(url) && !url.EndsWith($"/runs/{runId}", StringComparison.Ordinal));
        var again = host.Services.GetRequiredService<RunStore>().Find(long.Parse(RunPage().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture))!;
        Assert.Equal((run.Template, run.Language, RunTrigger.Console, "olga"), (again.Template, again.Language, again.Trigger, again.RequestedBy));
        Assert.Equal(RunParameters.Parse(run.Parameters), RunParameters.Parse(again.Parameters));

        // The form in Vietnamese, switched from the header, and still accessible.
        await page.GotoAsync("/run");
        await page.SelectOptionAsync("#language-choice", "vi");
        await page.ClickAsync("form.language-switch button");
        await page.WaitForSelectorAsync("html[lang=vi]");
        Assert.Equal("Chạy báo cáo", await page.InnerTextAsync("h1"));
        Assert.Equal("Tìm địa bàn", await page.InnerTextAsync("#find-heading"));
        await Accessibility.AssertNoSeriousViolations(page);

        var audited = await host.Services.GetRequiredService<AuditLog>().ListAsync("olga", null, null, 100);
        Assert.Contains(audited, e => e.Action == AuditActions.RunQueued && e.Target == $"run {runId}");
        Assert.Contains(audited, e => e.Action == AuditActions.RunDownloaded && e.Target == $"run {runId}");
        Assert.Contains(audited, e => e.Action == AuditActions.RunAgain && e.Target == $"run {again.Id}");
    }

    [Fact]
    public async Task A_burst_to_the_district_committees_shows_a_refused_delivery_that_the_operator_retries_until_sent()
    {
        using var mail = new TempFolder();
        var script = new SmtpScript();
        script.RcptOnce["la-gi@example.org"] = "550 5.2.2 <la-gi@example.org>: mailbox full";
        script.RcptOnce["dan-van.la-gi@example.org"] = "550 5.2.2 <dan-van.la-gi@example.org>: mailbox full";
        using var smtp = await SmtpServer.Start(mail.Path, script: script);
        var settings = smtp.Environment.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        settings["Delivery:PollInterval"] = "00:00:00.300";
        await using var host = await ConsoleHost.StartAsync(fixture, settings);
        await host.CreateUserAsync("omar", ConsoleRoles.Operator, ConsoleHost.Password);
        var page = await EnglishPageAsync(host, "omar");

        await page.GotoAsync("/run?template=committee-report");
        await page.FillAsync("#param-year", "2024");
        await page.CheckAsync("#mode-burst");
        await page.SelectOptionAsync("#level", "district");
        await page.ClickAsync("#run-submit");
        await page.WaitForURLAsync(new Regex(@"/bursts/\d+$"));
        Assert.Equal("finished", await FinalStatus(page, "#burst-status", "finished"));
        Assert.Equal(10, await page.Locator("table.burst-runs tbody tr[data-status=succeeded]").CountAsync());
        Assert.Equal("10", await page.GetAttributeAsync("#burst-progress", "value"));
        await Accessibility.AssertNoSeriousViolations(page);

        await page.ClickAsync("table.burst-runs tr:has(td:text-is('la-gi')) a");
        await page.WaitForURLAsync(RunPage());
        var to = Delivery(page, "la-gi@example.org");
        var cc = Delivery(page, "dan-van.la-gi@example.org");
        Assert.True(await to.GetAttributeAsync("data-status") is "failed" or "dead");
        Assert.True(await cc.GetAttributeAsync("data-status") is "failed" or "dead");
        Assert.Contains("mailbox full", await to.TextContentAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolations(page);

        // One delivery retried by its own button, then the rest by "retry all failed".
        await page.ClickAsync("button[aria-label='Retry the delivery to la-gi@example.org']");
        await page.WaitForURLAsync(RunPage());
        Assert.Contains("will be sent again", await page.TextContentAsync("p.notice"), StringComparison.Ordinal);
        await UntilSent(page, to);
        Assert.True(await cc.GetAttributeAsync("data-status") is "failed" or "dead");
        await page.ClickAsync("#retry-all");
        await page.WaitForURLAsync(RunPage());
        Assert.Contains("1 failed deliveries will be sent again", await page.TextContentAsync("p.notice"), StringComparison.Ordinal);
        await UntilSent(page, cc);
        Assert.Equal(0, await page.Locator("#retry-all").CountAsync());

        Assert.Contains(smtp.Messages(), m => m.EnvelopeRecipient.Contains("la-gi@example.org", StringComparison.OrdinalIgnoreCase));
        var audited = await host.Services.GetRequiredService<AuditLog>().ListAsync("omar", null, null, 100);
        Assert.Contains(audited, e => e.Action == AuditActions.BurstQueued);
        Assert.Contains(audited, e => e.Action == AuditActions.DeliveryRetried);
        Assert.Contains(audited, e => e.Action == AuditActions.DeliveriesRetriedOfRun);
    }

    /// <summary>The row of the run page's deliveries table for this address (exactly).</summary>
    private static ILocator Delivery(IPage page, string address) =>
        page.Locator("table.deliveries tbody tr").Filter(new() { Has = page.Locator($"td:text-is('{address}')") });

    /// <summary>Reloads the run page (a finished run's page does not refresh itself) until the delivery is sent.</summary>
    private static async Task UntilSent(IPage page, ILocator delivery)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await delivery.GetAttributeAsync("data-status") != "sent")
        {
            Assert.True(DateTime.UtcNow < deadline, "a retried delivery was never sent: " + await delivery.TextContentAsync());
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }

    /// <summary>A page logged in as <paramref name="name"/>, the console in English (its language cookie).</summary>
    private async Task<IPage> EnglishPageAsync(ConsoleHost host, string name)
    {
        var page = await browser.NewPageAsync(host);
        await page.Context.AddCookiesAsync([new Cookie { Name = ReportEngine.Web.Text.ConsoleLanguages.CookieName, Value = "en", Url = host.BaseAddress.ToString() }]);
        await Browser.LogInAsync(page, name, ConsoleHost.Password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Organisations and members of La Gi (the district and its communes) on 31 August 2024, counted from the tables themselves.</summary>
    private static (long Organisations, long Members) LaGiFigures(string database)
    {
        using var connection = SqliteDatabase.Open(database, readOnly: true);
        const string Organisations = """
            SELECT o.id FROM organizations o JOIN localities l ON l.id = o.locality_id
            WHERE (l.code = 'la-gi' OR l.parent_id = (SELECT id FROM localities WHERE code = 'la-gi'))
              AND o.founded_on <= '2024-08-31' AND (o.dissolved_on IS NULL OR o.dissolved_on > '2024-08-31')
            """;
        return (
            connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM ({Organisations})"),
            connection.ExecuteScalar<long>(
                $"SELECT COUNT(*) FROM members WHERE organization_id IN ({Organisations}) AND joined_on <= '2024-08-31' AND (left_on IS NULL OR left_on > '2024-08-31')"));
    }

    /// <summary>Waits, while the page refreshes itself, for the status element to show one of the final statuses.</summary>
    private static async Task<string> FinalStatus(IPage page, string selector, params string[] final)
    {
        var deadline = DateTime.UtcNow + RunDeadline;
        while (true)
        {
            try
            {
                if (await page.Locator(selector).GetAttributeAsync("data-status", new() { Timeout = 5_000 }) is { } status && final.Contains(status))
                {
                    return status;
                }
            }
            catch (PlaywrightException)
            {
                // The page was refreshing.
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{page.Url} never reached {string.Join(" or ", final)}:\n{await page.InnerTextAsync("main")}");
            }

            await Task.Delay(500);
        }
    }

    [GeneratedRegex(@"/runs/(\d+)$")]
    private static partial Regex RunPage();
}
