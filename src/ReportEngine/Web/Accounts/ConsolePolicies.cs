using Microsoft.AspNetCore.Authorization;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// The authorization policies every page and endpoint names; a policy's name is the least role it needs
/// (`[Authorize(Policy = ConsolePolicies.Operator)]`, `.RequireAuthorization(ConsolePolicies.Viewer)`).
/// </summary>
public static class ConsolePolicies
{
    public const string Viewer = ConsoleRoles.Viewer;
    public const string Operator = ConsoleRoles.Operator;
    public const string Admin = ConsoleRoles.Admin;

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    public static void Add(AuthorizationOptions options)
    {
        foreach (var policy in All)
        {
            options.AddPolicy(policy, builder => builder
                .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(ConsoleRoles.AtLeast(policy)));
        }

        // Defence in depth: an endpoint that forgot its policy still needs a viewer (the authorization
        // matrix test fails it all the same, so the gap is seen and closed).
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
