using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Templates;

namespace ReportEngine.Web.Api;

/// <summary>
/// The shared services the API calls, as the CLI verbs build them (TryAdd: the console's pages register the
/// same ones), and the OpenAPI document.
/// </summary>
public static class ApiServices
{
    public static IServiceCollection AddConsoleApi(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RunRequests(sp.GetRequiredService<ReportEngineSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new RunQueries(sp.GetRequiredService<ReportEngineSettings>().ConnectionString));
        services.TryAddSingleton(sp => new DeliveryRetries(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new QueuedBurstStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new BurstStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TemplateDescriptions(sp.GetRequiredService<ReportEngineSettings>().TemplatesPath));
        services.TryAddSingleton<ApiTime>();
        services.AddApiDocument();
        return services;
    }
}
