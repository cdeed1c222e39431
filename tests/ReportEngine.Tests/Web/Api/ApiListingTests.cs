using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Data;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Api;

/// <summary>The API's read side: keyset pages of runs, the templates, deliveries and their retry, and the OpenAPI document.</summary>
[Collection(WebGroup.Name)]
public sealed class ApiListingTests(WebFixture fixture)
{
    [Fact]
    public async Task Paging_through_runs_returns_each_run_once_while_new_runs_arrive()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Viewer, "pager"));
        var expected = Insert(host.Database, 23).ToHashSet();

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await client.GetAsync($"/api/v1/runs?requestedBy=apikey:batch&status=failed&limit=5{(cursor is null ? "" : "&cursor=" + cursor)}");
            var page = await ApiJson.Read(response, HttpStatusCode.OK);
            var ids = page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
            Assert.True(ids.Count <= 5);
            Assert.Equal(ids.OrderDescending(), ids);
            seen.AddRange(ids);
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Insert(host.Database, 2); // newer runs arriving between pages shift nothing
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(expected.SetEquals(seen));

        // Days are the display zone's (Asia/Ho_Chi_Minh): queued 01:00 UTC on 5 September is 08:00 +07:00 that day.
        var total = expected.Count + (2 * pages);
        Assert.Equal(total, await Count(client, "from=2026-09-05&to=2026-09-05&limit=100"));
        Assert.Equal(0, await Count(client, "to=2026-09-04"));
        Assert.Equal(0, await Count(client, "from=2026-09-05T08:00:01%2B07:00"));
        Assert.Equal(total, await Count(client, "from=2026-09-05T08:00:00%2B07:00&limit=100"));
    }

    private static async Task<int> Count(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/runs?requestedBy=apikey:batch&" + query);
        return (await ApiJson.Read(response, HttpStatusCode.OK)).GetProperty("runs").GetArrayLength();
    }

    [Fact]
    public async Task Templates_list_their_parameters_and_languages()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Viewer, "catalog"));

        using var response = await client.GetAsync("/api/v1/templates");
        var templates = await ApiJson.Read(response, HttpStatusCode.OK);
        using var one = await client.GetAsync("/api/v1/templates/annual-assessment");
        using var none = await client.GetAsync("/api/v1/templates/..%2F..%2Fetc");

        var assessment = templates.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "annual-assessment");
        Assert.Equal(["en", "pl", "vi"], assessment.GetProperty("languages").EnumerateArray().Select(l => l.GetString()!));
        var year = assessment.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "year");
        Assert.Equal(("int", "last-closed-year", 2000, 2100, false), (year.GetProperty("type").GetString(), year.GetProperty("default").GetString(),
            year.GetProperty("min").GetInt32(), year.GetProperty("max").GetInt32(), year.GetProperty("required").GetBoolean()));
        Assert.Contains("1 September", year.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("annual-assessment", (await ApiJson.Read(one, HttpStatusCode.OK)).GetProperty("name").GetString());
        await ApiJson.Problem(none, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deliveries_are_listed_by_status_run_and_committee_and_a_failed_one_is_retried()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var viewer = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Viewer, "watcher"));
        var operatorKey = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Operator, "resender"));
        var (runId, failed, sent) = InsertDeliveries(host.Database); // and a dead one

        using var failedOnes = await viewer.GetAsync($"/api/v1/deliveries?status=failed&run={runId}");
        using var byCommittee = await viewer.GetAsync("/api/v1/deliveries?committee=la-gi");
        using var badStatus = await viewer.GetAsync("/api/v1/deliveries?status=lost");
        using var viewerRetry = await viewer.PostAsync($"/api/v1/deliveries/{failed}/retry", null);
        using var retryOne = await operatorKey.PostAsync($"/api/v1/deliveries/{failed}/retry", null);
        using var retrySent = await operatorKey.PostAsync($"/api/v1/deliveries/{sent}/retry", null);
        using var retryNone = await operatorKey.PostAsync("/api/v1/deliveries/999999/retry", null);
        using var retryRun = await operatorKey.PostAsync($"/api/v1/runs/{runId}/deliveries/retry", null);

        Assert.Equal([failed], (await ApiJson.Read(failedOnes, HttpStatusCode.OK)).EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(3, (await ApiJson.Read(byCommittee, HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal("status", (await ApiJson.Problem(badStatus, HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        await ApiJson.Problem(viewerRetry, HttpStatusCode.Forbidden);
        Assert.Equal(1, (await ApiJson.Read(retryOne, HttpStatusCode.Accepted)).GetProperty("retried").GetInt32());
        Assert.Equal(0, (await ApiJson.Read(retrySent, HttpStatusCode.Accepted)).GetProperty("retried").GetInt32());
        await ApiJson.Problem(retryNone, HttpStatusCode.NotFound);
        Assert.Equal(1, (await ApiJson.Read(retryRun, HttpStatusCode.Accepted)).GetProperty("retried").GetInt32());

        using var connection = SqliteDatabase.Open(host.Database, readOnly: true);
        Assert.Equal(["delivery.retried", "delivery.retried", "delivery.retried-failed-of-run"], connection.Query<string>(
            "SELECT action FROM console_audit_log WHERE actor = 'apikey:resender' ORDER BY id"));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_path_with_the_bearer_scheme_and_needs_a_key()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Viewer, "docs"));

        using var response = await client.GetAsync("/openapi/v1.json");
        using var anonymous = await host.CreateClient().GetAsync("/openapi/v1.json");
        var document = await ApiJson.Read(response, HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:\w+)?\}", "{$1}")).ToHashSet();
        Assert.NotEmpty(mapped);
        Assert.Subset(paths, mapped);
        Assert.Contains("/api/v1/runs/{id}/pdf", paths);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/runs").TryGetProperty("post", out var post));
        Assert.Contains("operator", post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    /// <summary>Finished runs written straight into the runs table (the worker leaves failed runs alone), newest last.</summary>
    private static List<long> Insert(string database, int count)
    {
        using var connection = SqliteDatabase.Open(database);
        return Enumerable.Range(0, count).Select(_ => connection.ExecuteScalar<long>("""
            INSERT INTO runs (template, language, parameters, trigger, requested_by, status, queued_at, finished_at, error)
            VALUES ('annual-assessment', 'vi', '{"year":2024}', 'api', 'apikey:batch', 'failed', '2026-09-05T01:00:00.000Z', '2026-09-05T01:00:01.000Z', 'test')
            RETURNING id
            """)).ToList();
    }

    /// <summary>A finished run with three deliveries to committee la-gi: one failed, one sent, one dead.</summary>
    private static (long Run, long Failed, long Sent) InsertDeliveries(string database)
    {
        var run = Insert(database, 1)[0];
        using var connection = SqliteDatabase.Open(database);
        var committee = connection.ExecuteScalar<long>("SELECT id FROM committees WHERE code = 'la-gi'");
        long Delivery(string status, string address) => connection.ExecuteScalar<long>("""
            INSERT INTO deliveries (run_id, committee_id, channel, address, message_id, subject, body, file_name, status, attempts, last_error, created_at, next_attempt_at)
            VALUES (@run, @committee, 'email', @address, @address, 'Report', 'Body', 'report.pdf', @status, 5, 'refused', '2026-09-05T01:00:00.000Z', '2026-09-05T01:00:00.000Z')
            RETURNING id
            """, new { run, committee, status, address });
        var deliveries = (run, Delivery("failed", "a@example.org"), Delivery("sent", "b@example.org"));
        Delivery("dead", "c@example.org");
        return deliveries;
    }
}
