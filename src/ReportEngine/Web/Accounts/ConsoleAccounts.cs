using Microsoft.AspNetCore.Identity;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// Changes to accounts, one service for the `users` verbs and the Users page: each goes through Identity
/// (validation, hashing, security stamp) and is written to the audit log with who did it and from where.
/// A refusal is a <see cref="ReportEngineException"/> whose message says what to do.
/// </summary>
public sealed class ConsoleAccounts(UserManager<ConsoleUser> users, AccountStore accounts, AuditLog audit, TimeProvider clock)
{
    public Task<IReadOnlyList<ConsoleUser>> ListAsync() => accounts.ListAsync();

    public async Task<ConsoleUser> AddAsync(string name, string role, string password, string actor, string? address)
    {
        var user = new ConsoleUser { Name = name.Trim(), Role = ConsoleRoles.Require(role), CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password), $"The account \"{user.Name}\" was not added");
        await audit.WriteAsync(actor, AuditActions.UserAdded, user.Name, "role " + user.Role, address);
        return user;
    }

    public async Task ChangeRoleAsync(string name, string role, string actor, string? address)
    {
        var user = await Find(name);
        var before = user.Role;
        user.Role = ConsoleRoles.Require(role);
        // A new stamp ends the account's sessions, so the new role applies at once rather than at the next login.
        Check(await users.UpdateSecurityStampAsync(user), $"The role of \"{user.Name}\" was not changed");
        await audit.WriteAsync(actor, AuditActions.UserRoleChanged, user.Name, $"{before} → {user.Role}", address);
    }

    public async Task DisableAsync(string name, string actor, string? address)
    {
        var user = await Find(name);
        user.Disabled = true;
        Check(await users.UpdateSecurityStampAsync(user), $"\"{user.Name}\" was not disabled");
        await audit.WriteAsync(actor, AuditActions.UserDisabled, user.Name, null, address);
    }

    public async Task UnlockAsync(string name, string actor, string? address)
    {
        var user = await Find(name);
        Check(await users.SetLockoutEndDateAsync(user, null), $"\"{user.Name}\" was not unlocked");
        Check(await users.ResetAccessFailedCountAsync(user), $"\"{user.Name}\" was not unlocked");
        await audit.WriteAsync(actor, AuditActions.UserUnlocked, user.Name, null, address);
    }

    public bool IsLockedOut(ConsoleUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    private async Task<ConsoleUser> Find(string name) =>
        await users.FindByNameAsync(name.Trim()) ?? throw new ReportEngineException($"There is no account named \"{name.Trim()}\" (see `users list`).");

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new ReportEngineException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
