using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Hosting;
using ReportEngine.Runs;
using ReportEngine.Scheduling;

namespace ReportEngine.Cli;

/// <summary>serve: runs the worker (Quartz with its persistent store) until SIGTERM or Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Run the worker: the schedules in config/schedules.yaml, and runs queued by `run`, until stopped.");
        command.SetAction(async (parse, cancellation) =>
        {
            IConfiguration configuration = CliContext.Configuration();
            if (parse.GetValue(context.Archive) is { } archive)
            {
                configuration = new ConfigurationBuilder()
                    .AddConfiguration(configuration)
                    .AddInMemoryCollection([new($"{ArchiveOptions.Section}:Path", archive)])
                    .Build();
            }

            var settings = context.Settings(parse);
            // The database must exist and be migrated before Quartz adds its tables to it.
            ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString).Dispose();
            // One worker per database: refused here, before the host starts and logs anything.
            await SingleWorker.Claim(context.Runs(settings), context.Clock, cancellation);
            try
            {
                // Every worker of the database files into one archive: a wrong or read-only folder is refused before anything runs.
                SharedArchiveCheck.Verify(settings.ConnectionString,
                    Path.GetFullPath(configuration[$"{ArchiveOptions.Section}:Path"] ?? new ArchiveOptions().Path, CliContext.WorkingDirectory));
                using var host = WorkerHost.Build(configuration, settings, CliContext.WorkingDirectory);
                await host.RunAsync(cancellation);
            }
            catch (OptionsValidationException e)
            {
                throw new ReportEngineException(string.Join(" ", e.Failures), e);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
            {
                throw new ReportEngineException(e.Message, e);
            }

            return 0;
        });
        return command;
    }
}
