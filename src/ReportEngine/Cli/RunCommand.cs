using System.CommandLine;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Requests;
using ReportEngine.Runs;

namespace ReportEngine.Cli;

/// <summary>
/// run &lt;template&gt; --set name=value ... [--lang vi|en|pl] [--out DIR]: renders one report now, records it
/// as a run and archives the PDF. Prints the archived PDF's path, then `run &lt;id&gt;: &lt;status&gt;`.
/// A request that cannot be a report (unknown template, bad parameter, unknown locality) is refused
/// before anything is recorded. While a worker serves the same database, the run is queued for it.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var template = new Argument<string>("template") { Description = "The template's folder name under templates/, e.g. annual-assessment." };
        var set = new Option<string[]>("--set") { Description = "A parameter value as name=value (repeat for more), e.g. --set year=2024 --set locality=binh-thuan." };
        var language = new Option<string>("--lang") { Description = "Report language: vi (default), en or pl.", DefaultValueFactory = _ => "vi" };
        language.AcceptOnlyFromAmong("vi", "en", "pl");
        var output = new Option<string?>("--out") { Description = "Also copy the archived PDF into this folder, named <template>-[<organization>-]<locality>-<year>-<lang>.pdf." };
        var committees = new Option<string?>("--committees")
        {
            Description = "Render one report per committee, for its locality and in its language, and queue its deliveries: " +
                          "a level (province, district, commune) or committee codes separated by commas.",
        };

        var allowPartial = new Option<bool>("--allow-partial")
        {
            Description = "Render even when the report's as_of date is after the date the data runs to (the last import); the cover says the figures are partial.",
        };

        var command = new Command("run", "Render one report now, record the run, archive the PDF and print the archived file's path.")
        {
            template, set, language, output, committees, allowPartial,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            // The console and the API check requests with the same RunRequests, so they refuse what `run` refuses.
            var request = new RunRequest(parse.GetValue(template)!, Assignments(parse, set, allowPartial),
                parse.GetResult(language) is { Implicit: false } ? parse.GetValue(language) : null, parse.GetValue(committees));
            RunRequests.CheckShape(request);
            if (request.IsBurst)
            {
                return await BurstCommand.Run(context, parse, context.Settings(parse), context.ReportArchive(parse), request.Template,
                    request.Parameters, request.Committees!, parse.GetValue(output),
                    (runs, executor, id, token) => ExecuteOrWait(runs, executor, id, token), cancellation);
            }

            return await RunNow(context, parse, new ReportRequest(request.Template, request.Parameters, request.Language ?? RunRequest.DefaultLanguage),
                parse.GetValue(output), cancellation);
        });
        return command;
    }

    /// <summary>The --set values, and allow_partial=true with --allow-partial (recorded with the run, so a rerun does the same).</summary>
    private static Dictionary<string, string> Assignments(ParseResult parse, Option<string[]> set, Option<bool> allowPartial)
    {
        var values = new Dictionary<string, string>(ParameterAssignments.Parse(parse.GetValue(set)), StringComparer.Ordinal);
        if (parse.GetValue(allowPartial))
        {
            values[Templates.EngineValues.AllowPartial] = "true";
        }

        return values;
    }

    /// <summary>Renders a queued run here, or, while a worker serves the database, lets the worker do it and waits.</summary>
    internal static async Task<RunRecord> ExecuteOrWait(RunStore runs, RunExecutor executor, long id, CancellationToken cancellation)
    {
        var run = runs.LiveWorkers(WorkerOptions.Silence).Count == 0
            ? await executor.ExecuteAsync(id, cancellation)
            : runs.Find(id)!;
        // A worker serves this database (or took the run as it started): it renders, we wait.
        return run.IsFinished ? run : await WaitForWorker(runs, executor, id, cancellation);
    }

    /// <summary>
    /// Checks a request, records it as a run, has it rendered (here, or by a serving worker) and prints
    /// the archived PDF's path and `run &lt;id&gt;: &lt;status&gt;`. Shared by `run` and `runs rerun`.
    /// </summary>
    /// <param name="reprints">The run whose document number and date this run prints again (`runs rerun --same-number`); null to take a new number.</param>
    internal static async Task<int> RunNow(CliContext context, ParseResult parse, ReportRequest request, string? outputFolder, CancellationToken cancellation, RunRecord? reprints = null)
    {
        var settings = context.Settings(parse);
        var archive = context.ReportArchive(parse);
        var prepared = new RunRequests(settings, context.Clock).CheckReport(new RunRequest(request.Template, request.Parameters, request.Language));

        var runs = context.Runs(settings);
        CrashRecovery.Settle(runs, archive, includeQueuedFirings: false);

        var id = runs.Queue(new RunRecord
        {
            Template = prepared.Template.Name,
            Language = request.Language,
            Parameters = RunParameters.Format(request.Parameters),
            Trigger = RunTrigger.CommandLine,
            RequestedBy = Environment.UserName,
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(context.Clock.GetUtcNow()),
            DocumentNumber = reprints?.DocumentNumber,
            DocumentDate = reprints?.DocumentDate,
            ReprintsRunId = reprints?.Id,
        });

        var run = await ExecuteOrWait(runs, new RunExecutor(settings, archive, runs), id, cancellation);

        if (run.Status == RunStatus.Succeeded)
        {
            var archived = archive.FullPath(run.ArchivePath!);
            if (outputFolder is { } folder)
            {
                var copy = PathSegment.Inside(folder, ReportRunner.FileName(prepared.Template.Name, prepared.Parameters, request.Language), "The --out file name");
                CopyOut(archived, copy, run.Id);
            }

            await context.Output.WriteLineAsync(archived);
        }
        else
        {
            await context.Error.WriteLineAsync(MessageText.OneLine($"error: run {run.Id} {run.Status}: {run.Error}"));
        }

        await context.Output.WriteLineAsync($"run {run.Id}: {run.Status}");
        return run.Status == RunStatus.Succeeded ? 0 : CommandLineApplication.UserError;
    }

    /// <summary>
    /// Copies the archived PDF to --out through a temporary name, so a full disk or a missing permission
    /// leaves no partial PDF there; the run itself succeeded and stays archived.
    /// </summary>
    private static void CopyOut(string archived, string copy, long runId)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            AtomicFile.Write(copy, target =>
            {
                using var source = File.OpenRead(archived);
                source.CopyTo(target);
                return 0;
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportEngineException(MessageText.OneLine(
                $"run {runId} succeeded and is archived at {archived}, but its copy to {copy} could not be written: {e.Message}"), e);
        }
    }

    /// <summary>
    /// Follows the run the worker executes, and the run that redoes it if the worker was interrupted.
    /// Should the worker go silent before taking the run, it is rendered here (starting a run is
    /// guarded by its status, so it cannot happen twice).
    /// </summary>
    private static async Task<RunRecord> WaitForWorker(RunStore runs, RunExecutor executor, long id, CancellationToken cancellation)
    {
        while (true)
        {
            var run = runs.Find(id)!;
            if (run.Status == RunStatus.Queued && runs.LiveWorkers(WorkerOptions.Silence).Count == 0)
            {
                var here = await executor.ExecuteAsync(id, cancellation);
                if (here.IsFinished)
                {
                    return here;
                }

                continue; // the worker took it after all
            }

            if (run.IsFinished)
            {
                if (run.Status == RunStatus.Interrupted && runs.RecoveredBy(id) is { } again)
                {
                    id = again.Id;
                    continue;
                }

                return run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }
}
