using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;
using ReportEngine.Configuration;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Api;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// The console and API inside the worker's host: services (<see cref="AddWebConsole"/>) and the request
/// pipeline (<see cref="MapWebConsole"/>). Pages live in Web/Pages, one folder per area, the folder's
/// least role set below; minimal API endpoints map themselves with a policy each.
/// </summary>
public static class WebConsoleExtensions
{
    public static WebConsoleOptions ReadOptions(IConfiguration configuration) =>
        OptionsReader.Read(configuration, WebConsoleOptions.Section, new WebConsoleOptionsValidator());

    public static IServiceCollection AddWebConsole(this IServiceCollection services, WebConsoleOptions web)
    {
        services.AddSingleton(web);
        services.AddHttpContextAccessor();
        services.AddScoped<ConsoleText>();
        services.AddSingleton(sp => DisplayTime.From(sp.GetRequiredService<IConfiguration>()));
        services.AddConsoleAccounts(web);
        services.AddConsoleServices();
        services.AddLoginRateLimit(web);
        services.AddProblemDetails();
        services.AddConsoleApi();
        // Vietnamese as text, not as &#x...; entities: readable source, smaller pages, the same safety.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ReportEngine.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            PageFolders.Authorize(options.Conventions);
        });
        return services;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.UseServerTiming();
        app.UseSecurityHeaders();
        app.UseApiProblems();
        app.UseConsoleAssets();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => Results.Json(new { status = "healthy" })).AllowAnonymous().WithName("health");
        app.MapRazorPages();
        app.MapRunsApi();
        app.MapBurstsApi();
        app.MapDeliveriesApi();
        app.MapTemplatesApi();
        app.MapApiDocument();
        return app;
    }
}
