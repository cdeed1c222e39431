using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// POST /login is limited per remote address (a fixed window of a minute), on top of each account's lockout:
/// lockout stops guessing one account's password, this stops trying one password on every account.
/// </summary>
public static class LoginRateLimit
{
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, WebConsoleOptions web) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = web.LoginAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });

    private static bool IsLoginAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase);
}
