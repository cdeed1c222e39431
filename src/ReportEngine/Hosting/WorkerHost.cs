using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Templates;
using ReportEngine.Web.Hosting;

namespace ReportEngine.Hosting;

/// <summary>
/// The Generic Host that `serve` runs: settings, runs and archive, Quartz, systemd integration, and
/// (unless Web:Enabled is false) the console and API on Kestrel, in the same host: one process, one deployable.
/// </summary>
internal static class WorkerHost
{
    public static IHost Build(IConfiguration configuration, ReportEngineSettings settings, string workingDirectory)
    {
        var web = WebConsoleExtensions.ReadOptions(configuration);
        IHostApplicationBuilder builder = web.Enabled
            ? WebBuilder(workingDirectory, web)
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
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
        IHost host;
        if (builder is WebApplicationBuilder webBuilder)
        {
            webBuilder.Services.AddWebConsole(web);
            host = webBuilder.Build().MapWebConsole();
        }
        else
        {
            host = ((HostApplicationBuilder)builder).Build();
        }

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
        if (web.Enabled)
        {
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
                log.LogInformation("Console at {Urls}", string.Join(", ", Addresses(host))));
        }

        return host;
    }

    /// <summary>Where Kestrel listens once started (a test's port 0 has become a real port by then).</summary>
    public static IReadOnlyCollection<string> Addresses(IHost host) =>
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>
    /// An empty WebApplication builder: none of ASP.NET Core's default configuration sources or loggers
    /// (the CLI's configuration is the one), Kestrel alone on Web:Urls.
    /// </summary>
    private static WebApplicationBuilder WebBuilder(string workingDirectory, WebConsoleOptions web)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = workingDirectory,
            // Razor Pages are found in the application's assembly: ours, also when a test process hosts it.
            ApplicationName = typeof(WorkerHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().UseUrls(web.Urls);
        return builder;
    }
}
