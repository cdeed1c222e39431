using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's view of console_users, over Dapper (no Entity Framework): passwords, lockout,
/// security stamps, and the one role each account holds. Identity does the hashing, counting and locking.
/// </summary>
public sealed class ConsoleUserStore(AccountStore accounts) :
    IUserPasswordStore<ConsoleUser>, IUserLockoutStore<ConsoleUser>, IUserSecurityStampStore<ConsoleUser>, IUserRoleStore<ConsoleUser>
{
    public Task<string> GetUserIdAsync(ConsoleUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Name);

    public Task SetUserNameAsync(ConsoleUser user, string? userName, CancellationToken cancellationToken)
    {
        user.Name = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedName);

    public Task SetNormalizedUserNameAsync(ConsoleUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public async Task<IdentityResult> CreateAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        if (await accounts.FindByNameAsync(user.Name) is not null)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.Name));
        }

        user.Id = await accounts.InsertAsync(user);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        // Identity moves the concurrency stamp on before calling us; the row must still carry the one we read.
        var read = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (await accounts.UpdateAsync(user, read))
        {
            return IdentityResult.Success;
        }

        user.ConcurrencyStamp = read;
        return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        await accounts.DeleteAsync(user.Id);
        return IdentityResult.Success;
    }

    public Task<ConsoleUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? accounts.FindByIdAsync(id) : Task.FromResult<ConsoleUser?>(null);

    public Task<ConsoleUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => accounts.FindByNameAsync(normalizedUserName);

    public Task SetPasswordHashAsync(ConsoleUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(ConsoleUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(++user.FailedCount);

    public Task ResetAccessFailedCountAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        user.FailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.FailedCount);

    /// <summary>Every console account can be locked out: lockout protects passwords, and there is no exempt account.</summary>
    public Task<bool> GetLockoutEnabledAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(ConsoleUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetSecurityStampAsync(ConsoleUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    /// <summary>An account holds exactly one role: adding one replaces it.</summary>
    public Task AddToRoleAsync(ConsoleUser user, string roleName, CancellationToken cancellationToken)
    {
        user.Role = ConsoleRoles.Require(roleName.ToLowerInvariant());
        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(ConsoleUser user, string roleName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("An account always holds one role: give it another instead of removing it.");

    public Task<IList<string>> GetRolesAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<IList<string>>([user.Role]);

    public Task<bool> IsInRoleAsync(ConsoleUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase));

    public async Task<IList<ConsoleUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        (await accounts.ListAsync()).Where(u => string.Equals(u.Role, roleName, StringComparison.OrdinalIgnoreCase)).ToList();

    public void Dispose()
    {
    }
}
