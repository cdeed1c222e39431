using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>An admin changes a role, disables and unlocks accounts on the Users page; each change is in the audit log with the admin's address.</summary>
[Collection(WebGroup.Name)]
public sealed class UsersPageTests(WebFixture fixture)
{
    [Fact]
    public async Task Role_change_disable_and_unlock_take_effect_and_are_audited()
    {
        await using var host = await ConsoleHost.StartAsync(fixture, new Dictionary<string, string?> { ["Web:MaxFailedLogins"] = "1" });
        var admin = await host.LoginAsync(ConsoleRoles.Admin);
        await host.CreateUserAsync("dung", ConsoleRoles.Viewer, ConsoleHost.Password);
        await host.CreateUserAsync("em", ConsoleRoles.Viewer, ConsoleHost.Password);
        await host.LoginAsync("dung", ConsoleHost.Password);
        using (var wrong = await ConsoleForms.PostLogin(host.CreateClient(), "em", "a wrong password here"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var role = await ConsoleForms.Post(admin, "/users", "/users?handler=Role", new Dictionary<string, string> { ["name"] = "dung", ["role"] = "operator" });
        using var list = await admin.GetAsync("/users");
        var html = await list.Content.ReadAsStringAsync();
        using var unlock = await ConsoleForms.Post(admin, "/users", "/users?handler=Unlock", new Dictionary<string, string> { ["name"] = "em" });
        await host.LoginAsync("em", ConsoleHost.Password);
        using var disable = await ConsoleForms.Post(admin, "/users", "/users?handler=Disable", new Dictionary<string, string> { ["name"] = "dung" });
        using var unknown = await ConsoleForms.Post(admin, "/users", "/users?handler=Disable", new Dictionary<string, string> { ["name"] = "nobody" });
        using var login = await ConsoleForms.PostLogin(host.CreateClient(), "dung", ConsoleHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        Assert.Contains("dung giờ có vai trò operator.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("There is no account named", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync("admin-1", null, null, 10);
        Assert.Equal([AuditActions.UserDisabled, AuditActions.UserUnlocked, AuditActions.UserRoleChanged], audit.Select(a => a.Action).Take(3));
        Assert.All(audit.Take(3), a => Assert.Equal("127.0.0.1", a.RemoteAddress));
    }
}
