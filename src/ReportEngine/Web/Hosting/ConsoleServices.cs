using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Templates;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// The capability services the console's pages and the API call: the same classes the CLI verbs build for
/// themselves, over the reports database, registered once here for every area. TryAdd: a service the worker
/// registered first (RunStore, the archive, the schedule loader) is kept.
/// </summary>
internal static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services)
    {
        static string Database(IServiceProvider sp) => sp.GetRequiredService<ReportEngineSettings>().ConnectionString;
        static TimeProvider Clock(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();

        services.TryAddSingleton(sp => new RunRequests(sp.GetRequiredService<ReportEngineSettings>(), Clock(sp)));
        services.TryAddSingleton(sp => new TemplateDescriptions(sp.GetRequiredService<ReportEngineSettings>().TemplatesPath));
        services.TryAddSingleton(sp => new RunQueries(Database(sp)));
        services.TryAddSingleton(sp => new Dashboard(Database(sp), Clock(sp)));
        services.TryAddSingleton(sp => new DeliveryQueries(Database(sp)));
        services.TryAddSingleton(sp => new DeliveryRetries(Database(sp), Clock(sp)));
        services.TryAddSingleton(sp => new LocalityDirectory(Database(sp)));
        services.TryAddSingleton(sp => new CommitteeStore(Database(sp)));
        services.TryAddSingleton(sp => new CommitteeEdits(sp.GetRequiredService<CommitteeStore>()));
        services.TryAddSingleton(sp => new QueuedBurstStore(Database(sp), Clock(sp)));
        services.TryAddSingleton(sp => new BurstStore(Database(sp), Clock(sp)));
        services.TryAddSingleton(sp => new ScheduleOverview(
            sp.GetRequiredService<ScheduleLoader>(),
            Path.GetFullPath(sp.GetRequiredService<IOptions<SchedulesOptions>>().Value.Path), // as ScheduleSynchronizer reads it
            sp.GetRequiredService<RunRequests>(),
            Clock(sp),
            sp.GetRequiredService<IOptions<SchedulesOptions>>().Value.ReloadInterval));
        services.TryAddSingleton<BurstOverviews>();
        services.TryAddSingleton<ArchivedPdf>();
        services.TryAddSingleton<RunPreviews>();
        return services;
    }
}
