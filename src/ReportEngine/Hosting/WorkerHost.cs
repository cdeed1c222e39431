using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Templates;

namespace ReportEngine.Hosting;

/// <summary>The Generic Host that `serve` runs: settings, runs and archive, Quartz, systemd integration.</summary>
internal static class WorkerHost
{
    public static IHost Build(IConfiguration configuration, ReportEngineSettings settings, string workingDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The configuration is the CLI's (config/appsettings.json, then the environment), not the host's defaults.
            DisableDefaults = true,
            ContentRootPath = workingDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            options.UseUtcTimestamp = true;
        });
        // A start that fails (a setting refused by its validator) is reported by the command line as one
        // `error:` line; the host's own "Hosting failed to start" entry would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSystemd();

        var worker = OptionsReader.Read(configuration, WorkerOptions.Section, new WorkerOptionsValidator());
        builder.Services
            .AddReportEngineOptions(settings)
            .AddRunsAndArchive(workingDirectory)
            .AddDeliveries()
            .AddReportScheduling(configuration, settings, worker);
        var host = builder.Build();

        // Templates reload themselves when edited; a broken edit is reported in the worker's log.
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        TemplateCatalog.Shared.Logger = loggers.CreateLogger("ReportEngine.Templates");

        // One line an operator (and a test) can wait for: the scheduler starts on this same signal.
        var log = loggers.CreateLogger("ReportEngine.Worker");
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            log.LogInformation("Serving {Database}: schedules from {Schedules}, archive in {Archive}",
                Data.DatabaseLocation.Describe(settings.ConnectionString),
                Path.GetFullPath(configuration[$"{SchedulesOptions.Section}:Path"] ?? new SchedulesOptions().Path, workingDirectory),
                Path.GetFullPath(configuration[$"{ArchiveOptions.Section}:Path"] ?? new ArchiveOptions().Path, workingDirectory)));
        return host;
    }
}
