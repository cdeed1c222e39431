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
/// The capability services the list pages (dashboard, runs, deliveries, committees, schedules) call, the same
/// the CLI verbs call, over the reports database. TryAdd: whoever registers a service first (the worker, another
/// area's pages) keeps it, so one service is never there twice.
/// </summary>
internal static class ListPageServices
{
    public static IServiceCollection AddListPageServices(this IServiceCollection services)
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
