using Microsoft.AspNetCore.Identity;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// A disabled account cannot sign in: Identity asks this before every sign-in (SignIn.RequireConfirmedAccount),
/// and the answer is "not allowed" whatever the password.
/// </summary>
public sealed class EnabledAccounts : IUserConfirmation<ConsoleUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ConsoleUser> manager, ConsoleUser user) => Task.FromResult(!user.Disabled);
}
