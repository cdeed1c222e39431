using System.CommandLine;
using System.Globalization;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Cli;

/// <summary>runs list [--limit N] [--template T] [--status S] | runs show ID | runs rerun ID: the run records.</summary>
public static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to list, latest first.", DefaultValueFactory = _ => 20 };
        var template = new Option<string?>("--template") { Description = "Only runs of this template." };
        var status = new Option<string?>("--status") { Description = "Only runs with this status." };
        status.AcceptOnlyFromAmong(RunStatus.Queued, RunStatus.Running, RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted);
        var list = new Command("list", "List the latest runs: id, status, template, parameters, trigger and who, when, archived file.") { limit, template, status };
        list.SetAction(parse =>
        {
            var runs = context.Runs(context.Settings(parse), mustExist: true);
            var zone = CliContext.DisplayZone();
            foreach (var run in runs.List(parse.GetValue(limit), parse.GetValue(template), parse.GetValue(status)))
            {
                context.Output.WriteLine(string.Join("  ",
                    run.Id.ToString(CultureInfo.InvariantCulture), run.Status, run.Template, run.Language, RunParameters.Describe(run.Parameters),
                    $"{run.Trigger} by {run.RequestedBy}", PersonTime.Format(run.FinishedAt ?? run.StartedAt ?? run.QueuedAt, zone), run.ArchivePath ?? "-"));
            }

            return 0;
        });

        var id = new Argument<long>("id") { Description = "The run's id, as `run` and `runs list` print it." };
        var show = new Command("show", "Show everything recorded about one run.") { id };
        show.SetAction(parse =>
        {
            var settings = context.Settings(parse);
            var run = context.Runs(settings, mustExist: true).Find(parse.GetValue(id))
                ?? throw new ReportEngineException($"There is no run {parse.GetValue(id)} in {DatabaseLocation.Describe(settings.ConnectionString)}.");
            var archive = context.ReportArchive(parse);
            foreach (var (name, value) in Fields(run, archive, CliContext.DisplayZone()).Where(f => f.Item2 is not null))
            {
                context.Output.WriteLine($"{name + ":",-18}{value}");
            }

            return 0;
        });

        var again = new Argument<long>("id") { Description = "The run to do again." };
        var output = new Option<string?>("--out") { Description = "Also copy the archived PDF into this folder." };
        var sameNumber = new Option<bool>("--same-number")
        {
            Description = "Print the past run's document number and date again instead of taking a new number: against unchanged data the PDF has the same SHA-256. " +
                "A signed original's own signature (its time and any timestamp) is carried over, never made anew; a reprint it no longer covers fails.",
        };
        var rerun = new Command("rerun", "Run a past run again: same template, language and resolved parameters, as a new run. A document takes a new number unless --same-number.")
        {
            again, output, sameNumber,
        };
        rerun.SetAction((parse, cancellation) =>
        {
            var settings = context.Settings(parse);
            var runs = context.Runs(settings, mustExist: true);
            var past = runs.Find(parse.GetValue(again))
                ?? throw new ReportEngineException($"There is no run {parse.GetValue(again)} in {DatabaseLocation.Describe(settings.ConnectionString)}.");
            var request = new Reports.ReportRequest(past.Template, RunParameters.Parse(past.Parameters), past.Language);
            var reprint = parse.GetValue(sameNumber) ? Reprint(runs, past) : null;
            return RunCommand.RunNow(context, parse, request, parse.GetValue(output), cancellation, reprint);
        });

        return new Command("runs", "The record of every run: list them, show one, or run one again.") { list, show, rerun };
    }

    /// <summary>The number and date a --same-number rerun prints: the original's, which must still stand in the register.</summary>
    private static RunRecord Reprint(RunStore runs, RunRecord past)
    {
        var original = past.ReprintsRunId is { } first ? runs.Find(first)! : past;
        if (original.DocumentNumber is null || original.DocumentDate is null)
        {
            throw new ReportEngineException($"--same-number: run {past.Id} has no document number to print again (its template is not a document, or it failed before taking one).");
        }

        var entry = Numbers.DocumentRegister.For(runs.ConnectionString).ForRun(original.Id);
        if (entry is { Status: Numbers.DocumentNumberStatus.Void })
        {
            throw new ReportEngineException(
                $"--same-number: the number {original.DocumentNumber} of run {original.Id} is void in the register ({MessageText.OneLine(entry.VoidedReason ?? "")}); rerun without --same-number to take a new one.");
        }

        return original;
    }

    /// <summary>Every recorded field; times in the Display:TimeZone zone with their offset (stored UTC).</summary>
    private static IEnumerable<(string, string?)> Fields(RunRecord run, Archive.ReportArchive archive, TimeZoneInfo zone)
    {
        yield return ("run", run.Id.ToString(CultureInfo.InvariantCulture));
        yield return ("status", run.Status);
        yield return ("template", run.Template);
        yield return ("template version", run.TemplateVersion);
        yield return ("language", run.Language);
        yield return ("parameters", RunParameters.Describe(run.Parameters));
        yield return ("data as of", run.DataAsOf);
        yield return ("document number", run.DocumentNumber);
        yield return ("document date", run.DocumentDate);
        yield return ("reprints run", run.ReprintsRunId?.ToString(CultureInfo.InvariantCulture));
        yield return ("signed", run.SignatureUpdate is null ? null : "yes (the signature is kept on the run for --same-number reprints)");
        yield return ("trigger", run.Trigger);
        yield return ("requested by", run.RequestedBy);
        yield return ("schedule", run.ScheduleId is null ? null : $"{run.ScheduleId} (firing of {PersonTime.Format(run.ScheduledFor, zone)})");
        yield return ("recovers run", run.RecoversRunId?.ToString(CultureInfo.InvariantCulture));
        yield return ("queued", PersonTime.Format(run.QueuedAt, zone));
        yield return ("started", PersonTime.Format(run.StartedAt, zone));
        yield return ("finished", PersonTime.Format(run.FinishedAt, zone));
        yield return ("executed by", run.ExecutedBy);
        yield return ("pages", run.Pages?.ToString(CultureInfo.InvariantCulture));
        yield return ("bytes", run.Bytes?.ToString(CultureInfo.InvariantCulture));
        yield return ("file", run.ArchivePath is null ? null : archive.FullPath(run.ArchivePath));
        yield return ("sha256", run.Sha256);
        yield return ("error", run.Error);
    }
}
