using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>Rows the list pages' tests put in the host's database, and what they read back from the pages' HTML.</summary>
internal static partial class ListsData
{
    /// <summary>A finished run, as a schedule's (not picked up by the worker's dispatcher); returns its id.</summary>
    public static long Run(ConsoleHost host, string template, string status, DateTimeOffset queuedAt, string requestedBy = "schedule:test")
    {
        using var connection = SqliteDatabase.Open(host.Database);
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO runs (template, language, parameters, trigger, requested_by, status, queued_at, finished_at, pages, error)
            VALUES (@template, 'vi', '{}', 'schedule', @requestedBy, @status, @queued, @queued, 3, @error) RETURNING id
            """,
            new { template, status, requestedBy, queued = StoredTime.Format(queuedAt), error = status == RunStatus.Failed ? "boom" : null });
    }

    /// <summary>A delivery of a run to a committee, with the given status; returns its id.</summary>
    public static long Delivery(ConsoleHost host, long runId, string committeeCode, string address, string status, string? error = null)
    {
        using var connection = SqliteDatabase.Open(host.Database);
        var now = StoredTime.Format(DateTimeOffset.UtcNow);
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO deliveries (run_id, committee_id, channel, address, role, message_id, subject, body, file_name, status, attempts,
                                    last_error, created_at, next_attempt_at)
            VALUES (@runId, (SELECT id FROM committees WHERE code = @committeeCode), 'email', @address, 'to', @messageId, 's', 'b', 'r.pdf',
                    @status, @attempts, @error, @now, @now)
            RETURNING id
            """,
            new { runId, committeeCode, address, messageId = Guid.NewGuid().ToString("N") + "@test", status, attempts = status == "pending" ? 0 : 3, error, now });
    }

    public static T Scalar<T>(ConsoleHost host, string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(host.Database);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    /// <summary>Switches the client's language (the form in every page's header).</summary>
    public static async Task English(HttpClient client)
    {
        using var response = await ConsoleForms.Post(client, "/runs", "/language", new Dictionary<string, string> { ["language"] = "en", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<string> Html(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}:\n{html}");
        return html;
    }

    /// <summary>The ids of the rows marked data-&lt;kind&gt;="id", in page order.</summary>
    public static List<long> Ids(string html, string kind) =>
        Regex.Matches(html, $"<tr data-{kind}=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The row marked data-&lt;kind&gt;="id", as its HTML.</summary>
    public static string Row(string html, string kind, object id)
    {
        var match = Regex.Match(html, $"<tr data-{kind}=\"{Regex.Escape(id.ToString()!)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no row {kind} {id}");
        return match.Groups[1].Value;
    }

    /// <summary>The href of the link with rel="next" or rel="prev", decoded; null when absent.</summary>
    public static string? Link(string html, string rel) =>
        Regex.Match(html, $"<a rel=\"{rel}\" href=\"([^\"]+)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
}
