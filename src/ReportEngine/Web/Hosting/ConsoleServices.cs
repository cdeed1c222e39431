using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Templates;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// The shared services the console's pages call (the CLI builds the same classes itself). TryAdd: the
/// worker's own registrations, made first, win, so one service is never registered twice.
/// </summary>
internal static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RunRequests(sp.GetRequiredService<ReportEngineSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TemplateDescriptions(sp.GetRequiredService<ReportEngineSettings>().TemplatesPath));
        services.TryAddSingleton(sp => new DeliveryRetries(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new LocalityDirectory(sp.GetRequiredService<ReportEngineSettings>().ConnectionString));
        services.TryAddSingleton(sp => new CommitteeStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString));
        services.TryAddSingleton(sp => new QueuedBurstStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new BurstStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BurstOverviews>();
        services.TryAddSingleton<ArchivedPdf>();
        services.TryAddSingleton<RunPreviews>();
        return services;
    }
}
