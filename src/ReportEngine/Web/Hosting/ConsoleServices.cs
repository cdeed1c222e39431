using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Templates;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// The capability services the console's pages call (the same the CLI verbs call), over the reports
/// database. TryAdd: a capability that registers one itself keeps its own.
/// </summary>
internal static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services)
    {
        static string Database(IServiceProvider sp) => sp.GetRequiredService<ReportEngineSettings>().ConnectionString;
        services.TryAddSingleton(sp => new RunQueries(Database(sp)));
        services.TryAddSingleton(sp => new Dashboard(Database(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DeliveryQueries(Database(sp)));
        services.TryAddSingleton(sp => new DeliveryRetries(Database(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CommitteeStore(Database(sp)));
        services.TryAddSingleton(sp => new CommitteeEdits(sp.GetRequiredService<CommitteeStore>()));
        services.TryAddSingleton(sp => new RunRequests(sp.GetRequiredService<ReportEngineSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TemplateDescriptions(sp.GetRequiredService<ReportEngineSettings>().TemplatesPath));
        services.TryAddSingleton(sp => new ScheduleOverview(
            sp.GetRequiredService<ScheduleLoader>(),
            Path.GetFullPath(sp.GetRequiredService<IOptions<SchedulesOptions>>().Value.Path), // as ScheduleSynchronizer reads it
            sp.GetRequiredService<RunRequests>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
