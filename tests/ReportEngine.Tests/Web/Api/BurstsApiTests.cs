using System.Net;
using System.Text.Json;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Api;

/// <summary>A burst through the API: POST with "committees" answers the burst, which the worker renders committee by committee.</summary>
[Collection(WebGroup.Name)]
public sealed class BurstsApiTests(WebFixture fixture)
{
    [Fact]
    public async Task A_burst_posted_to_two_committees_makes_a_run_for_each_and_lists_their_ids()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Operator, "burster"));

        using var posted = await ApiJson.PostRun(client, new
        {
            template = "annual-assessment",
            committees = "la-gi,phan-thiet",
            parameters = new Dictionary<string, string> { ["year"] = "2024" },
        }, "burst-2024");
        var burst = await ApiJson.Read(posted, HttpStatusCode.Accepted);
        var id = burst.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/bursts/{id}", posted.Headers.Location?.OriginalString);
        Assert.Equal(("queued", "la-gi,phan-thiet"), (burst.GetProperty("status").GetString(), burst.GetProperty("committees").GetString()));

        var finished = await UntilFinished(client, id, TimeSpan.FromSeconds(180));
        var runs = finished.GetProperty("runs").EnumerateArray().Select(r => r.GetInt64()).ToList();
        Assert.Equal(2, runs.Count);
        foreach (var run in runs)
        {
            using var response = await client.GetAsync($"/api/v1/runs/{run}");
            var record = await ApiJson.Read(response, HttpStatusCode.OK);
            Assert.Equal(("succeeded", "apikey:burster"), (record.GetProperty("status").GetString(), record.GetProperty("requestedBy").GetString()));
        }

        using var deliveries = await client.GetAsync($"/api/v1/deliveries?run={runs[0]}");
        Assert.All((await ApiJson.Read(deliveries, HttpStatusCode.OK)).EnumerateArray(), d => Assert.Equal(runs[0], d.GetProperty("runId").GetInt64()));

        // The same request again under its key: the same burst, now with its runs.
        using var again = await ApiJson.PostRun(client, new
        {
            template = "annual-assessment",
            committees = "la-gi,phan-thiet",
            parameters = new Dictionary<string, string> { ["year"] = "2024" },
        }, "burst-2024");
        var repeated = await ApiJson.Read(again, HttpStatusCode.Accepted);
        Assert.Equal(id, repeated.GetProperty("id").GetInt64());
        Assert.Equal(runs, repeated.GetProperty("runs").EnumerateArray().Select(r => r.GetInt64()));
    }

    private static async Task<JsonElement> UntilFinished(HttpClient client, long id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/bursts/{id}");
            var burst = await ApiJson.Read(response, HttpStatusCode.OK);
            if (burst.GetProperty("status").GetString() == "finished")
            {
                return burst;
            }

            Assert.True(DateTime.UtcNow < deadline, $"burst {id} still {burst.GetProperty("status").GetString()} after {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }
}
