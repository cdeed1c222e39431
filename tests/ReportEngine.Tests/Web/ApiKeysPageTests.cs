using System.Net;
using System.Text.RegularExpressions;

namespace ReportEngine.Tests.Web;

/// <summary>An admin creates a key on the API keys page (shown once), a script uses it, the admin revokes it.</summary>
[Collection(WebGroup.Name)]
public sealed partial class ApiKeysPageTests(WebFixture fixture)
{
    [Fact]
    public async Task A_key_created_on_the_page_is_shown_once_works_and_stops_working_when_revoked()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var admin = await host.LoginAsync("admin");

        using var created = await ConsoleForms.Post(admin, "/apikeys", "/apikeys?handler=Create", new Dictionary<string, string> { ["name"] = "backup", ["role"] = "operator" });
        var html = await created.Content.ReadAsStringAsync();
        var secret = NewKey().Match(html).Groups[1].Value;
        using var again = await admin.GetAsync("/apikeys");
        using var script = host.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using var used = await script.GetAsync("/");
        var id = KeyId().Match(await again.Content.ReadAsStringAsync()).Groups[1].Value;
        using var revoke = await ConsoleForms.Post(admin, "/apikeys", "/apikeys?handler=Revoke", new Dictionary<string, string> { ["key"] = id });
        using var refused = await script.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("re_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [GeneratedRegex("<p class=\"secret\" id=\"new-key\">([^<]+)</p>")]
    private static partial Regex NewKey();

    [GeneratedRegex("<input type=\"hidden\" name=\"key\" value=\"(\\d+)\">")]
    private static partial Regex KeyId();
}
