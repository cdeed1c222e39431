using System.CommandLine;
using System.Globalization;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Reports;
using ReportEngine.Runs;

namespace ReportEngine.Cli;

/// <summary>
/// run &lt;template&gt; --committees &lt;level|code,...&gt;: one run per committee (up to Burst:MaxParallel
/// rendering at once), then one pass of the sender over those runs' deliveries. Prints each archived PDF's
/// path in committee order, then `deliveries: &lt;summary&gt;` (stored with the burst), then one
/// `run &lt;id&gt;: &lt;status&gt;` line per committee, in the order of the paths.
/// Exit code 0 only when every run succeeded and no delivery failed (or waits for a fix of the SMTP
/// settings); how the deliveries stand is in the summary.
/// </summary>
internal static class BurstCommand
{
    public delegate Task<RunRecord> Execute(RunStore runs, RunExecutor executor, long id, CancellationToken cancellation);

    public static async Task<int> Run(CliContext context, ParseResult parse, ReportEngineSettings settings, ReportArchive archive, string template,
        IReadOnlyDictionary<string, string> parameters, string selector, string? copyTo, Execute execute, CancellationToken cancellation)
    {
        var smtp = CliContext.Smtp();
        var maxParallel = CliContext.Burst().MaxParallel;
        var delivery = CliContext.Delivery();
        var runs = context.Runs(settings);
        CrashRecovery.Settle(runs, archive, includeQueuedFirings: false);

        var executor = new RunExecutor(settings, archive, runs);
        var burst = new BurstRunner(settings, runs, context.Clock, smtp.From);
        var progress = ProgressLine.For(context.Error, context.Clock);
        var result = await burst.RunAsync(template, parameters, selector, Environment.UserName, maxParallel,
            (id, token) => execute(runs, executor, id, token), cancellation,
            progress is null ? null : (done, total) => progress.Report(string.Create(CultureInfo.InvariantCulture, $"{done}/{total} committees rendered")));
        progress?.Done();

        foreach (var (committee, run) in result.Runs)
        {
            if (run.Status != RunStatus.Succeeded)
            {
                await context.Error.WriteLineAsync($"error: run {run.Id} ({committee.Code}) {run.Status}: {run.Error}");
                continue;
            }

            var archived = archive.FullPath(run.ArchivePath!);
            if (copyTo is not null)
            {
                var copy = Path.Combine(Path.GetFullPath(copyTo), Path.GetFileName(archived));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(archived, copy, overwrite: true);
            }

            await context.Output.WriteLineAsync(archived);
        }

        var runIds = result.Runs.Select(r => r.Run.Id).ToList();
        var sender = new DeliverySender(burst.Outbox, burst.Committees, archive, smtp, delivery, new ErrorWriterLogger(context.Error), clock: context.Clock);
        var pass = await sender.SendDueAsync(runIds, cancellation);
        var concluded = await DeliveriesCommand.Conclude(context, sender, pass, cancellation);
        var deliveries = burst.Outbox.List(runIds: runIds);
        foreach (var failure in deliveries.Where(d => d.Status != DeliveryStatus.Sent && d.LastError is not null))
        {
            await context.Error.WriteLineAsync($"delivery {failure.Id.ToString(CultureInfo.InvariantCulture)} ({failure.CommitteeCode}, {failure.Address}) {failure.Status}: {failure.LastError}");
        }

        var summary = burst.Bursts.Summarize(result.BurstId);
        await context.Output.WriteLineAsync($"deliveries: {summary} (burst {result.BurstId.ToString(CultureInfo.InvariantCulture)})");
        foreach (var (_, run) in result.Runs)
        {
            await context.Output.WriteLineAsync($"run {run.Id.ToString(CultureInfo.InvariantCulture)}: {run.Status}");
        }

        var delivered = concluded && !deliveries.Any(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Dead);
        return result.Runs.All(r => r.Run.Status == RunStatus.Succeeded) && delivered ? 0 : CommandLineApplication.UserError;
    }
}
