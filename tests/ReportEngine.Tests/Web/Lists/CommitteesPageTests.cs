using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Cli;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Lists;

/// <summary>/committees: search, edit with the CLI's checks and messages (nothing stored on a problem), CSV import by upload, all or nothing.</summary>
[Collection(WebGroup.Name)]
public sealed class CommitteesPageTests(WebFixture fixture)
{
    [Fact]
    public async Task Search_finds_committees_by_code_or_name()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var all = host.Services.GetRequiredService<CommitteeStore>().All();
        var target = all[^1];
        var client = await host.LoginAsync(ConsoleRoles.Viewer);

        var everything = await ListsData.Html(client, "/committees");
        Assert.Equal(all.Count, System.Text.RegularExpressions.Regex.Count(everything, "<tr data-committee="));
        var byCode = await ListsData.Html(client, "/committees?q=" + Uri.EscapeDataString(target.Code));
        Assert.Contains($"data-committee=\"{target.Code}\"", byCode, StringComparison.Ordinal);
        Assert.Equal(all.Count(c => c.Code.Contains(target.Code, StringComparison.OrdinalIgnoreCase) || c.Name.Contains(target.Code, StringComparison.OrdinalIgnoreCase)),
            System.Text.RegularExpressions.Regex.Count(byCode, "<tr data-committee="));
        Assert.DoesNotContain("/committees/edit/", everything, StringComparison.Ordinal); // a viewer edits nothing
    }

    [Fact]
    public async Task A_bad_address_is_refused_with_the_command_lines_message_and_nothing_is_stored()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var store = host.Services.GetRequiredService<CommitteeStore>();
        var before = store.All()[0];
        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var fields = Fields(before);
        fields["to"] = "ok@example.org; not an address";
        fields["language"] = "en";

        using var response = await ConsoleForms.Post(client, $"/committees/edit/{before.Code}", $"/committees/edit/{before.Code}", fields);
        var html = await response.Content.ReadAsStringAsync();

        // What `committees set CODE --to ... --language en` prints, word for word.
        var cli = await Cli(host, "committees", "set", before.Code, "--to", fields["to"], "--language", "en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("error: ", cli, StringComparison.Ordinal);
        var message = cli["error: ".Length..].Trim();
        Assert.Contains($"committee \"{before.Code}\": to: ", message, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(message), html, StringComparison.Ordinal);
        Assert.Equal(Describe(before), Describe(store.Find(before.Code)!));
        Assert.Equal(0, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM console_audit_log WHERE action = 'committee.changed'"));
    }

    [Fact]
    public async Task An_operator_changes_recipients_language_drop_folder_and_signer_and_it_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var store = host.Services.GetRequiredService<CommitteeStore>();
        var committee = store.All()[1];
        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var fields = Fields(committee);
        fields["to"] = "chanh.van.phong@example.org; bi.thu@example.org";
        fields["cc"] = "";
        fields["language"] = "en";
        fields["drop_folder"] = "/mnt/share/reports";
        fields["signer_name"] = "Nguyễn Văn An";

        using var response = await ConsoleForms.Post(client, $"/committees/edit/{committee.Code}", $"/committees/edit/{committee.Code}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = store.Find(committee.Code)!;
        Assert.Equal(["chanh.van.phong@example.org", "bi.thu@example.org"], saved.Recipients.Where(r => r.Role == RecipientRole.To).Select(r => r.Address).Order().Reverse());
        Assert.DoesNotContain(saved.Recipients, r => r.Role == RecipientRole.Cc);
        Assert.Equal(("en", "/mnt/share/reports", "Nguyễn Văn An"), (saved.Language, saved.DropFolder, saved.Signer.SignerName));
        Assert.Equal(committee.LocalityCode, saved.LocalityCode);
        Assert.Equal(1, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM console_audit_log WHERE action = 'committee.changed' AND target = @code", new { code = committee.Code }));
        var list = await ListsData.Html(client, "/committees");
        Assert.Contains("chanh.van.phong@example.org", ListsData.Row(list, "committee", committee.Code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_problems_lists_each_with_its_line_and_imports_nothing_then_a_good_file_imports()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var store = host.Services.GetRequiredService<CommitteeStore>();
        var existing = store.All();
        var locality = existing[0].LocalityCode;
        var client = await host.LoginAsync(ConsoleRoles.Operator);
        var bad = $"""
            code,name,locality,language,to,cc
            {existing[0].Code},{existing[0].Name},{locality},vi,ok@example.org,
            {existing[0].Code}-x,X,no-such-place,vi,a@example.org,
            {existing[0].Code}-y,Y,{locality},xx,not-an-address,
            """;

        using (var response = await Upload(client, "uy-ban.csv", bad))
        {
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("nothing was imported", html, StringComparison.Ordinal);
            Assert.Contains("<li>uy-ban.csv:3: locality: there is no locality \"no-such-place\"</li>", html, StringComparison.Ordinal);
            Assert.Contains("<li>uy-ban.csv:4: language: ", html, StringComparison.Ordinal);
            Assert.Contains("<li>uy-ban.csv:4: to: ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("uy-ban.csv:2:", html, StringComparison.Ordinal);
        }

        Assert.Equal(existing.Select(Describe), store.All().Select(Describe));

        var good = $"""
            code,name,locality,language,to,cc
            {existing[0].Code},{existing[0].Name},{locality},en,moi@example.org,cc@example.org
            """;
        using (var response = await Upload(client, "good.csv", good))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(["moi@example.org", "cc@example.org"], store.Find(existing[0].Code)!.Recipients.Select(r => r.Address).Order().Reverse());
        Assert.Equal(1, ListsData.Scalar<long>(host, "SELECT COUNT(*) FROM console_audit_log WHERE action = 'committees.imported' AND target = 'good.csv'"));
    }

    [Fact]
    public async Task A_viewer_sees_no_edit_or_import_and_forged_posts_get_403()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var committee = host.Services.GetRequiredService<CommitteeStore>().All()[0];
        var viewer = await host.LoginAsync(ConsoleRoles.Viewer);
        var html = await ListsData.Html(viewer, "/committees");
        Assert.DoesNotContain("/committees/import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/committees/edit/", html, StringComparison.Ordinal);

        var fields = Fields(committee);
        fields["to"] = "forged@example.org";
        using var edit = await ConsoleForms.Post(viewer, "/committees", $"/committees/edit/{committee.Code}", fields);
        using var page = await viewer.GetAsync($"/committees/edit/{committee.Code}");
        using var import = await ConsoleForms.Post(viewer, "/committees", "/committees/import", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(host.Services.GetRequiredService<CommitteeStore>().Find(committee.Code)!.Recipients, r => r.Address == "forged@example.org");
    }

    private static Dictionary<string, string> Fields(Committee c)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = c.Name,
            ["language"] = c.Language,
            ["to"] = string.Join(";", c.Recipients.Where(r => r.Role == RecipientRole.To).Select(r => r.Address)),
            ["cc"] = string.Join(";", c.Recipients.Where(r => r.Role == RecipientRole.Cc).Select(r => r.Address)),
            ["drop_folder"] = c.DropFolder ?? "",
        };
        foreach (var column in ReportEngine.Data.CommitteeSigner.Columns)
        {
            fields[column] = CommitteeEdits.Stored(c.Signer, column) ?? "";
        }

        return fields;
    }

    private static string Describe(Committee c) =>
        $"{c.Code}|{c.Name}|{c.Language}|{c.DropFolder}|{string.Join(",", c.Recipients.Select(r => r.Role + ":" + r.Address))}|{c.Signer}";

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string name, string csv)
    {
        var token = await ConsoleForms.Token(client, "/committees/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), ConsoleForms.TokenField);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await client.PostAsync("/committees/import", form);
    }

    private static async Task<string> Cli(ConsoleHost host, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        await CommandLineApplication.RunAsync([.. args, "--db", host.Database], output, error);
        return output.ToString() + error;
    }
}
