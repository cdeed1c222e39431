using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReportEngine.Tests.Web.Api;

/// <summary>Reading the API's answers as a script would: JSON documents, problem details, a run polled until it ends.</summary>
internal static class ApiJson
{
    public static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>An RFC 7807 answer: its status, problem+json media type, and the problem itself.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await Read(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static Task<HttpResponseMessage> PostRun(HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>GET /api/v1/runs/{id} until the run has ended (the worker renders it meanwhile), within a deadline.</summary>
    public static async Task<JsonElement> UntilFinished(HttpClient client, long id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/runs/{id}");
            var run = await Read(response, HttpStatusCode.OK);
            if (run.GetProperty("status").GetString() is "succeeded" or "failed" or "interrupted")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {id} still {run.GetProperty("status").GetString()} after {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }
}
