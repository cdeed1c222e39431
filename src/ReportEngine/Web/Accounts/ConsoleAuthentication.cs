using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Configuration;
using ReportEngine.Web.Hosting;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// Who is asking: a person with the login cookie, or a script with `Authorization: Bearer &lt;key&gt;`.
/// One policy scheme picks between them, so every policy accepts both.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "Identity.Application";
    public const string CookieName = "ReportEngine.Console";

    /// <summary>Accounts, API keys, the audit log and the cookie and API-key sign-in of the console.</summary>
    public static IServiceCollection AddConsoleAccounts(this IServiceCollection services, WebConsoleOptions web)
    {
        services.AddAccountStores(web).AddSignInManager();
        // A disabled account or a changed role ends its sessions within a minute (the security stamp moves on).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddConsoleSignIn(web);
        services.AddAuthorization(ConsolePolicies.Add);
        return services;
    }

    /// <summary>
    /// What the `users` and `apikeys` verbs need as well as the console: the tables, Identity's user manager
    /// (hashing, lockout, validation) and the services that change accounts and write the audit log.
    /// </summary>
    public static IdentityBuilder AddAccountStores(this IServiceCollection services, WebConsoleOptions web)
    {
        services.AddSingleton(sp => AccountsDatabase.From(sp.GetRequiredService<ReportEngineSettings>()));
        services.AddSingleton<AccountStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<ConsoleAccounts>();
        services.AddSingleton<ConsoleApiKeys>();
        services.AddScoped<IUserConfirmation<ConsoleUser>, EnabledAccounts>();
        return services.AddIdentityCore<ConsoleUser>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = web.MaxFailedLogins;
                options.Lockout.DefaultLockoutTimeSpan = web.LockoutDuration;
                // Disabled accounts are "unconfirmed" (EnabledAccounts): sign-in answers NotAllowed.
                options.SignIn.RequireConfirmedAccount = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddUserStore<ConsoleUserStore>()
            .AddClaimsPrincipalFactory<ConsoleClaimsFactory>();
    }

    private static void AddConsoleSignIn(this IServiceCollection services, WebConsoleOptions web) =>
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith(ApiKeyAuthenticationHandler.BearerPrefix, StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyScheme
                    : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = web.SessionTimeout;
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    // A page sends the person to log in; /api gets 401 problem details.
                    OnRedirectToLogin = context => ConsoleProblems.IsApi(context.Request)
                        ? ConsoleProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
                        : Redirect(context),
                    // The wrong role is 403 everywhere, not a redirect that hides it.
                    OnRedirectToAccessDenied = context => ConsoleProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
