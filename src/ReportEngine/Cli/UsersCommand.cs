using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Cli;

/// <summary>users add NAME --role R [--password-file F] | list | disable NAME | unlock NAME: console accounts (the first admin starts here).</summary>
public static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The account's login name (letters, digits, - . _ @)." };
        var role = new Option<string>("--role") { Description = "viewer (see, download), operator (run, retry, committees) or admin (users, API keys).", Required = true };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.All]);
        var passwordFile = new Option<string?>("--password-file") { Description = "Read the password from this file's first line instead of a prompt." };
        var add = new Command("add", "Add a console account; the password is typed at a prompt (not echoed) or read from --password-file, never an argument.") { name, role, passwordFile };
        add.SetAction(async parse =>
        {
            var password = PasswordInput.Read(parse.GetValue(passwordFile), context.Error);
            await using var services = AccountServices.Build(context, parse);
            await using var scope = services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>()
                .AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, password, AccountServices.Actor, AuditLog.CommandLineAddress);
            await context.Output.WriteLineAsync($"users: added {user.Name} ({user.Role})");
            return 0;
        });

        var list = new Command("list", "List console accounts: name, role, state (active, locked, disabled), language, created.");
        list.SetAction(async parse =>
        {
            await using var services = AccountServices.Build(context, parse);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<ConsoleAccounts>();
            var time = DisplayTime.From(CliContext.Configuration());
            foreach (var user in await accounts.ListAsync())
            {
                var state = user.Disabled ? "disabled" : accounts.IsLockedOut(user) ? "locked until " + time.Format(user.LockoutEnd) : "active";
                await context.Output.WriteLineAsync($"{user.Name}\t{user.Role}\t{state}\t{user.Language}\t{time.Format(user.CreatedAt)}");
            }

            return 0;
        });

        return new Command("users", "Console accounts: add (the first admin), list, disable, unlock.")
        {
            add,
            list,
            Change(context, "disable", "Disable an account: it can no longer log in, and its sessions end.", (a, n) => a.DisableAsync(n, AccountServices.Actor, AuditLog.CommandLineAddress)),
            Change(context, "unlock", "Unlock an account locked after too many wrong passwords.", (a, n) => a.UnlockAsync(n, AccountServices.Actor, AuditLog.CommandLineAddress)),
        };
    }

    private static Command Change(CliContext context, string verb, string description, Func<ConsoleAccounts, string, Task> change)
    {
        var name = new Argument<string>("name") { Description = "The account, as `users list` shows it." };
        var command = new Command(verb, description) { name };
        command.SetAction(async parse =>
        {
            await using var services = AccountServices.Build(context, parse);
            await using var scope = services.CreateAsyncScope();
            await change(scope.ServiceProvider.GetRequiredService<ConsoleAccounts>(), parse.GetValue(name)!);
            await context.Output.WriteLineAsync($"users: {verb}d {parse.GetValue(name)!.Trim()}");
            return 0;
        });
        return command;
    }
}
