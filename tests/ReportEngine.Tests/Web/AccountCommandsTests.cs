using System.Net;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Web;

/// <summary>
/// `users` and `apikeys` on the command line, against the same database a running console reads: the first
/// admin is made there (password from a file), and a key printed by `apikeys create` opens the console.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class AccountCommandsTests(WebFixture fixture)
{
    [Fact]
    public async Task Users_add_reads_the_password_from_a_file_and_that_admin_logs_in()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var passwordFile = Path.Combine(host.Folder, "admin.password");
        await File.WriteAllTextAsync(passwordFile, "a long admin passphrase\n");

        var add = await CliRun.Invoke("users", "add", "admin", "--role", "admin", "--password-file", passwordFile, "--db", host.Database);
        var list = await CliRun.Invoke("users", "list", "--db", host.Database);

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Equal("users: added admin (admin)", add.OutputLines.Single());
        Assert.StartsWith("admin\tadmin\tactive\tvi\t", list.OutputLines.Single(), StringComparison.Ordinal);
        var client = await host.LoginAsync("admin", "a long admin passphrase");
        using var users = await client.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        using var audit = await client.GetAsync("/audit?action=user.added");
        Assert.Contains("cli:" + Environment.UserName, await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_a_short_password_and_an_unknown_role_and_disable_ends_logins()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var passwordFile = Path.Combine(host.Folder, "short.password");
        await File.WriteAllTextAsync(passwordFile, "short");
        var goodFile = Path.Combine(host.Folder, "good.password");
        await File.WriteAllTextAsync(goodFile, ConsoleHost.Password);

        var tooShort = await CliRun.Invoke("users", "add", "an", "--role", "viewer", "--password-file", passwordFile, "--db", host.Database);
        var badRole = await CliRun.Invoke("users", "add", "an", "--role", "root", "--password-file", goodFile, "--db", host.Database);
        var added = await CliRun.Invoke("users", "add", "an", "--role", "viewer", "--password-file", goodFile, "--db", host.Database);
        var disabled = await CliRun.Invoke("users", "disable", "an", "--db", host.Database);
        using var login = await ConsoleForms.PostLogin(host.CreateClient(), "an", ConsoleHost.Password);

        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("at least 10 characters", tooShort.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Contains("root", badRole.Error, StringComparison.Ordinal);
        Assert.Equal(0, added.ExitCode);
        Assert.Equal(0, disabled.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Apikeys_create_prints_the_key_alone_on_the_last_line_and_revoke_closes_it()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);

        var create = await CliRun.Invoke("apikeys", "create", "--role", "viewer", "--name", "nightly", "--db", host.Database);
        var key = create.OutputLines[^1];
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var allowed = await client.GetAsync("/");
        using var forbidden = await client.GetAsync("/users");
        var list = await CliRun.Invoke("apikeys", "list", "--db", host.Database);
        var revoke = await CliRun.Invoke("apikeys", "revoke", "nightly", "--db", host.Database);
        using var revoked = await client.GetAsync("/");

        Assert.True(create.ExitCode == 0, create.Error);
        Assert.Matches("^re_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("\tnightly\tviewer\t", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
    }
}
