using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Cli;

/// <summary>
/// apikeys create --role R [--name N] | list | revoke ID|NAME: keys for scripts calling /api/v1 with
/// `Authorization: Bearer &lt;key&gt;`. `create` prints the key alone on its last line (scripts take that line).
/// </summary>
public static class ApiKeysCommand
{
    public static Command Create(CliContext context)
    {
        var role = new Option<string>("--role") { Description = "The role the key acts with: viewer, operator or admin.", Required = true };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.All]);
        var name = new Option<string?>("--name") { Description = "A name to recognise the key by in lists and the audit log (default: key-<random>)." };
        var create = new Command("create", "Create an API key; it is printed once, alone on the last line, and stored only as its SHA-256.") { role, name };
        create.SetAction(async parse =>
        {
            await using var services = AccountServices.Build(context, parse);
            var (key, secret) = await services.GetRequiredService<ConsoleApiKeys>()
                .CreateAsync(parse.GetValue(role)!, parse.GetValue(name), AccountServices.Actor, AuditLog.CommandLineAddress);
            await context.Output.WriteLineAsync($"apikeys: created {key.Id} {key.Name} ({key.Role}); the key is shown once, on the next line:");
            await context.Output.WriteLineAsync(secret);
            return 0;
        });

        var list = new Command("list", "List API keys (never the keys themselves): id, name, role, created, by, state, last used.");
        list.SetAction(async parse =>
        {
            await using var services = AccountServices.Build(context, parse);
            var time = DisplayTime.From(CliContext.Configuration());
            foreach (var key in await services.GetRequiredService<ConsoleApiKeys>().ListAsync())
            {
                var state = key.RevokedAt is { } revoked ? "revoked " + time.Format(revoked) : "active";
                await context.Output.WriteLineAsync($"{key.Id}\t{key.Name}\t{key.Role}\t{time.Format(key.CreatedAt)}\t{key.CreatedBy}\t{state}\t{time.Format(key.LastUsedAt)}");
            }

            return 0;
        });

        var which = new Argument<string>("key") { Description = "The key's id or name, as `apikeys list` shows it." };
        var revoke = new Command("revoke", "Revoke an API key: requests with it are refused from now on.") { which };
        revoke.SetAction(async parse =>
        {
            await using var services = AccountServices.Build(context, parse);
            var key = await services.GetRequiredService<ConsoleApiKeys>().RevokeAsync(parse.GetValue(which)!, AccountServices.Actor, AuditLog.CommandLineAddress);
            await context.Output.WriteLineAsync($"apikeys: revoked {key.Id} {key.Name}");
            return 0;
        });

        return new Command("apikeys", "API keys for scripts: create (shown once), list, revoke.") { create, list, revoke };
    }
}
