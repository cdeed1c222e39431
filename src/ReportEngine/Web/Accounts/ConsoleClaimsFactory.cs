using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ReportEngine.Web.Accounts;

/// <summary>The signed-in person's claims: Identity's (id, name, security stamp), their role and their language.</summary>
public sealed class ConsoleClaimsFactory(UserManager<ConsoleUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ConsoleUser>(users, options)
{
    public const string LanguageClaim = "reportengine:language";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ConsoleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, user.Role));
        identity.AddClaim(new Claim(LanguageClaim, user.Language));
        return identity;
    }
}
