using System.Net;
using System.Text.RegularExpressions;

namespace ReportEngine.Tests.Web;

/// <summary>Posting the console's forms as a browser does: GET the page, take its antiforgery token, POST the fields with it.</summary>
public static partial class ConsoleForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static async Task<HttpResponseMessage> PostLogin(HttpClient client, string name, string password) =>
        await Post(client, "/login", "/login", new Dictionary<string, string> { ["name"] = name, ["password"] = password });

    /// <summary>GETs <paramref name="formPage"/>, then POSTs <paramref name="fields"/> and its token to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> Post(HttpClient client, string formPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        var token = await Token(client, formPage);
        var form = new Dictionary<string, string>(fields) { [TokenField] = token };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token of the first form on a page (the page must answer 200).</summary>
    public static async Task<string> Token(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(TokenInput().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"{page} has no antiforgery token:\n{html}"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
