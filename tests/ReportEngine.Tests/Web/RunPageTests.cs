using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Runs;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>The run page over HTTP: a run that is not finished refreshes itself (unless asked not to); a failed one shows its error and causes; the PDF is by run id only.</summary>
[Collection(WebGroup.Name)]
public sealed class RunPageTests(WebFixture fixture)
{
    [Fact]
    public async Task A_waiting_run_refreshes_itself_and_a_failed_one_shows_its_error_with_its_causes()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var runs = host.Services.GetRequiredService<RunStore>();
        // Schedule-triggered runs: the worker's on-demand dispatcher leaves them alone, so they stay as recorded here.
        var waiting = runs.Queue(Run());
        var failed = runs.Queue(Run());
        Assert.True(runs.GiveUp(failed, "The query \"summary\" failed.\n  caused by: SqliteException: database disk image is malformed"));
        var viewer = await host.LoginAsync(ConsoleRoles.Viewer);

        var queued = await Html(viewer, $"/runs/{waiting}");
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", queued, StringComparison.Ordinal);
        Assert.Contains("data-status=\"queued\"", queued, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", await Html(viewer, $"/runs/{waiting}?follow=0"), StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await Html(viewer, $"/runs/{failed}"));
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"run-error\">The query \"summary\" failed.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li>SqliteException: database disk image is malformed</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"run-again\"", html, StringComparison.Ordinal);

        // No PDF for a run that has none, nor for a run that does not exist; a path is not a run id.
        using (var none = await viewer.GetAsync($"/runs/{failed}/pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        using (var missing = await viewer.GetAsync("/runs/999999/pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var path = await viewer.GetAsync("/runs/..%2F..%2Freports.db/pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        }

        var operatorClient = await host.LoginAsync(ConsoleRoles.Operator);
        Assert.Contains("id=\"run-again\"", await Html(operatorClient, $"/runs/{failed}"), StringComparison.Ordinal);
    }

    private static RunRecord Run() => new()
    {
        Template = "annual-assessment",
        Language = "vi",
        Parameters = """{"locality":"la-gi","year":2024}""",
        Trigger = RunTrigger.Schedule,
        RequestedBy = "schedule",
        ScheduleId = "test",
        Status = RunStatus.Queued,
        QueuedAt = RunStore.Timestamp(TimeProvider.System.GetUtcNow()),
    };

    private static async Task<string> Html(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
