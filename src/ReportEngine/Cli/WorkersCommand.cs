using System.CommandLine;
using System.Globalization;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Cli;

/// <summary>workers list [--all]: the `serve` processes of the database, from their heartbeats.</summary>
public static class WorkersCommand
{
    public static Command Create(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Also list workers taken as dead (killed, or silent longer than Worker:DeadAfter), marked dead." };
        var list = new Command("list", "One line per live worker: host:pid, when it started, its last heartbeat, how many runs it is executing now.") { all };
        list.SetAction(parse =>
        {
            var settings = context.Settings(parse);
            // The database must be there (a SQLite file is never created by a question); its schema is brought up to date,
            // on PostgreSQL through the owner's connection (the workers table is state, not report data: no reader role needed).
            OrganizationsDatabase.OpenExisting(settings.ConnectionString).Dispose();
            var deadAfter = OptionsReader.Read(CliContext.Configuration(), WorkerOptions.Section, new WorkerOptionsValidator()).DeadAfter;
            var zone = CliContext.DisplayZone();
            foreach (var worker in new WorkerRoster(settings.ConnectionString, context.Clock).Read(deadAfter).Where(w => w.Live || parse.GetValue(all)))
            {
                context.Output.WriteLine(string.Join("  ",
                    worker.Name, "started " + PersonTime.Format(worker.StartedAt, zone), "heartbeat " + PersonTime.Format(worker.HeartbeatAt, zone),
                    "running " + worker.Running.ToString(CultureInfo.InvariantCulture)) + (worker.Live ? "" : "  dead"));
            }

            return 0;
        });

        return new Command("workers", "The workers serving the database (several on PostgreSQL, one on SQLite).") { list };
    }
}
