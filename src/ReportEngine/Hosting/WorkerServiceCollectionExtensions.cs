using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Scheduling;

namespace ReportEngine.Hosting;

/// <summary>Each capability of the worker registers itself here.</summary>
internal static class WorkerServiceCollectionExtensions
{
    /// <summary>Settings shared with the CLI, and options bound and validated at start (a bad value names its key).</summary>
    public static IServiceCollection AddReportEngineOptions(this IServiceCollection services, ReportEngineSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ArchiveOptions, ArchiveOptionsValidator>(ArchiveOptions.Section);
        services.AddValidatedOptions<SchedulesOptions, SchedulesOptionsValidator>(SchedulesOptions.Section);
        services.AddValidatedOptions<WorkerOptions, WorkerOptionsValidator>(WorkerOptions.Section);
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.Section, sp => new SmtpOptionsValidator(sp.GetService<IConfiguration>()));
        services.AddValidatedOptions<DeliveryOptions>(DeliveryOptions.Section,
            sp => new DeliveryOptionsValidator(() => sp.GetRequiredService<IOptions<SmtpOptions>>().Value));
        services.AddValidatedOptions<BurstOptions, BurstOptionsValidator>(BurstOptions.Section);
        services.AddValidatedOptions<DisplayOptions, DisplayOptionsValidator>(DisplayOptions.Section);
        return services;
    }

    /// <summary>Run records and the archive, as the CLI uses them.</summary>
    public static IServiceCollection AddRunsAndArchive(this IServiceCollection services, string workingDirectory)
    {
        services.AddSingleton(sp => new ReportArchive(Path.GetFullPath(sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.Path, workingDirectory)));
        services.AddSingleton(sp => new RunStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RunExecutor>();
        services.AddHostedService<SingleWorker>();
        services.AddHostedService<InterruptedRuns>();
        return services;
    }

    /// <summary>The outbox and its sender, which works through due deliveries continuously.</summary>
    public static IServiceCollection AddDeliveries(this IServiceCollection services)
    {
        services.AddSingleton(sp => new Outbox(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DeliverySender(
            sp.GetRequiredService<Outbox>(),
            new CommitteeStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString),
            sp.GetRequiredService<ReportArchive>(),
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value,
            sp.GetRequiredService<IOptions<DeliveryOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<DeliverySender>(),
            new BurstStore(sp.GetRequiredService<ReportEngineSettings>().ConnectionString, sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<InterruptionLimit>();
        services.AddSingleton<ScheduledBursts>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }

    /// <summary>
    /// Quartz with a persistent ADO.NET store: SQLite (the reports database's own file, tables QRTZ_*,
    /// created by Quartz when missing), non-clustered (one worker per file, SingleWorker sees to it); or
    /// PostgreSQL, clustered, when ConnectionStrings:Scheduler names a PostgreSQL server or, without it,
    /// ConnectionStrings:Reports does: every worker of the database shares the tables, each trigger fires on
    /// one of them, and the jobs of a worker that stops checking in are recovered by the others.
    /// </summary>
    public static IServiceCollection AddReportScheduling(this IServiceCollection services, IConfiguration configuration, ReportEngineSettings settings, WorkerOptions worker)
    {
        services.AddSingleton(sp => new ScheduleLoader(settings.TemplatesPath, settings.ConnectionString,
            sp.GetRequiredService<IOptions<SchedulesOptions>>().Value.TimeZone, sp.GetRequiredService<TimeProvider>(), settings.ReaderConnectionString));
        services.AddTransient<ReportJob>();
        services.AddTransient<ClusterCommitteeJob>();
        services.AddSingleton<ClusterCommitteeRuns>();
        services.AddSingleton<ClusterBursts>();
        services.AddHostedService<ClusterSweep>();
        services.AddSingleton<RunningReports>();
        services.AddHostedService<ScheduleSynchronizer>();
        services.AddHostedService<OnDemandDispatcher>();
        services.AddSingleton<QueuedBurstRunner>();
        services.AddHostedService<QueuedBurstDispatcher>();

        var scheduler = configuration.GetConnectionString("Scheduler");
        var store = string.IsNullOrWhiteSpace(scheduler) ? settings.ConnectionString : scheduler;
        var clustered = PostgresDatabase.IsPostgres(store);
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(worker.MaxConcurrentRuns);
            quartz.ConfigureScheduler(scheduler =>
            {
                // GracefulStop has waited the grace period out by the time Quartz stops: what still runs is interrupted.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenNotWaitingForJobs;
                // Clustered: each worker a member of its own (instance id AUTO: host name and start time), never
                // a fixed id two workers could share (each would take the other's fired triggers for its own).
                scheduler.GenerateInstanceId = clustered;
                if (clustered)
                {
                    // A burst's committees are handed out as jobs by one worker: an idle worker looks for them every second
                    // (Quartz's default is 30 s, by which time a small burst is done by the worker that handed it out).
                    scheduler.IdleWaitTime = TimeSpan.FromSeconds(1);
                }
            });

            quartz.UsePersistentStore(persistent =>
            {
                if (clustered)
                {
                    // Clustered tables are never used by a non-clustered scheduler: it would fire triggers the others fire too.
                    persistent.UsePostgres(store);
                    persistent.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = worker.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = worker.ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    persistent.UseSqlite(new SqliteConnectionStringBuilder { DataSource = ReportsDatabase.SqliteFile(store) }.ToString());
                }

                persistent.ProvisionSchema();
                persistent.UseSystemTextJsonSerializer();
                persistent.ConfigureStore(options =>
                {
                    options.MisfireThreshold = worker.MisfireThreshold;
                    // A run the grace period cut short is handed back, and done again at the next start.
                    options.RecoverFiringsCancelledByShutdown = true;
                });
            });
        });

        // Hosted services stop in reverse order: GracefulStop waits for running reports (up to the grace
        // period), then Quartz shuts down and interrupts what is left, then the rest stops.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = false);
        services.AddHostedService<GracefulStop>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = worker.GracePeriod + TimeSpan.FromSeconds(15));
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }

    /// <summary>The same, for a validator that needs other services (the configuration, other options).</summary>
    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Func<IServiceProvider, IValidateOptions<TOptions>> validator)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton(validator);
    }
}
