using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Data;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>Wrong passwords lock an account (Web:MaxFailedLogins); POST /login is rate limited per address; each is audited.</summary>
[Collection(WebGroup.Name)]
public sealed class LockoutTests(WebFixture fixture)
{
    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one_until_an_admin_unlocks_it()
    {
        await using var host = await ConsoleHost.StartAsync(fixture, new Dictionary<string, string?> { ["Web:MaxFailedLogins"] = "3" });
        await host.CreateUserAsync("lan", ConsoleRoles.Operator, ConsoleHost.Password);
        var client = host.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var wrong = await ConsoleForms.PostLogin(client, "lan", "not the password at all");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await ConsoleForms.PostLogin(client, "lan", ConsoleHost.Password);
        var page = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("tạm bị khóa", page, StringComparison.Ordinal);
        var actions = Actions(host, "lan");
        Assert.Equal(["login.failed", "login.failed", "login.locked-out", "login.locked-out"], actions);
        Assert.All(Addresses(host, "lan"), address => Assert.Equal("127.0.0.1", address));

        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>().UnlockAsync("lan", "admin-test", "127.0.0.1");
        }

        await host.LoginAsync("lan", ConsoleHost.Password);
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in_with_its_password()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        await host.CreateUserAsync("binh", ConsoleRoles.Viewer, ConsoleHost.Password);
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>().DisableAsync("binh", "admin-test", null);
        }

        using var response = await ConsoleForms.PostLogin(host.CreateClient(), "binh", ConsoleHost.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["login.failed"], Actions(host, "binh"));
    }

    [Fact]
    public async Task Login_attempts_beyond_the_limit_per_address_are_refused_with_429()
    {
        await using var host = await ConsoleHost.StartAsync(fixture, new Dictionary<string, string?> { ["Web:LoginAttemptsPerMinute"] = "2" });
        var client = host.CreateClient();

        using var first = await ConsoleForms.PostLogin(client, "nobody", "wrong password 1");
        using var second = await ConsoleForms.PostLogin(client, "someone", "wrong password 2");
        using var third = await ConsoleForms.PostLogin(client, "anyone", "wrong password 3");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    private static List<string> Actions(ConsoleHost host, string actor)
    {
        using var connection = SqliteDatabase.Open(host.Database, readOnly: true);
        return connection.Query<string>("SELECT action FROM console_audit_log WHERE actor = @actor ORDER BY id", new { actor }).ToList();
    }

    private static List<string> Addresses(ConsoleHost host, string actor)
    {
        using var connection = SqliteDatabase.Open(host.Database, readOnly: true);
        return connection.Query<string>("SELECT remote_address FROM console_audit_log WHERE actor = @actor ORDER BY id", new { actor }).ToList();
    }
}
