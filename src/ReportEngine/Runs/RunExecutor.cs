using System.Globalization;
using System.Text;
using ReportEngine.Archive;
using ReportEngine.Archive.Signing;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Numbers;
using ReportEngine.Reports;
using ReportEngine.Templates;

namespace ReportEngine.Runs;

/// <summary>
/// Executes one recorded run, the same way for the command line and for the worker's jobs: marks it
/// running, renders into the archive's staging folder, records the archive name it is about to take,
/// renames the PDF into the archive, and records the result. Parameters relative to "now" are read at the run's reference time (its scheduled fire
/// time, or when it was queued), never the clock, so redoing a run asks for the same report.
/// </summary>
internal sealed class RunExecutor(ReportEngineSettings settings, ReportArchive archive, RunStore runs, TimeProvider? clock = null)
{
    /// <summary>
    /// Test-only hook: milliseconds to wait between rendering a PDF and archiving it, so a test can
    /// kill the process mid-run deterministically. Never set it in production.
    /// </summary>
    public const string DelayBeforeArchiveVariable = "REPORTENGINE_TEST_DELAY_BEFORE_ARCHIVE_MS";

    public async Task<RunRecord> ExecuteAsync(long runId, CancellationToken cancellation)
    {
        var run = runs.Find(runId) ?? throw new InvalidOperationException($"There is no run {runId}.");
        if (!runs.TryStart(runId, ProcessName.Current))
        {
            return runs.Find(runId)!;
        }

        try
        {
            var reference = DateTimeOffset.Parse(run.ScheduledFor ?? run.QueuedAt, CultureInfo.InvariantCulture);
            var runner = new ReportRunner(settings.TemplatesPath, new FixedClock(reference), ReportRunner.DefaultQueryTimeLimit, settings.MaxQueryRows);
            using var connection = ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString);
            var prepared = Confine(run, runner.Prepare(new ReportRequest(run.Template, RunParameters.Parse(run.Parameters), run.Language), connection));
            var asOf = prepared.Parameters.TryGetValue("as_of", out var value) ? value as string : null;
            runs.RecordResolved(runId, RunParameters.Format(prepared.Parameters), prepared.Template.Version, asOf);

            cancellation.ThrowIfCancellationRequested();
            // From here a failure leaves the number void in the register (RunStore.Fail / Interrupt).
            prepared = Number(run, prepared, connection);
            var rendered = runner.Render(prepared, connection, archive.StagingFolder(runId));
            // Signed in the staging folder, before the hash: the archive's hash is of the signed file.
            if (await Sign(run, rendered.Path, cancellation))
            {
                rendered = rendered with { Bytes = new FileInfo(rendered.Path).Length };
            }

            await TestDelay(cancellation);

            // The name and hash go on the record before the rename: a process killed after it leaves a run
            // the next start completes from the file (ArchiveReconciliation), never an unrecorded file.
            var (archived, sha256) = archive.Store(
                rendered.Path,
                ReportArchive.RelativePath(runId, prepared.Template.Name, run.Language, prepared.Parameters, reference),
                (name, hash) =>
                {
                    runs.RecordArchiving(runId, name, hash, rendered.Pages, rendered.Bytes);
                    CrashPoint.Reach(CrashPoint.AfterRecordPath);
                });
            CrashPoint.Reach(CrashPoint.AfterRename);
            CrashPoint.Reach(CrashPoint.BeforeRecordSucceeded);
            runs.Succeed(runId, rendered.Pages, rendered.Bytes, archived, sha256);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            runs.Interrupt(runId, $"Interrupted: {ProcessName.Current} was stopping and the grace period (Worker:GracePeriod) ran out before the run finished.");
            throw;
        }
#pragma warning disable CA1031 // Any failure of a report is recorded on its run; the worker goes on with the next.
        catch (Exception e)
#pragma warning restore CA1031
        {
            runs.Fail(runId, Describe(e));
        }
        finally
        {
            archive.DeleteStaging(runId);
        }

        return runs.Find(runId)!;
    }

    /// <summary>
    /// A committee's run renders only the template version checked when it was queued, and reads only its
    /// committee's area, whoever executes it (the burst, a worker, a recovered firing) and whatever the
    /// template's files hold by then.
    /// </summary>
    private static PreparedReport Confine(RunRecord run, PreparedReport prepared)
    {
        if (run.ConfinedTo is not { } area)
        {
            return prepared;
        }

        if (run.TemplateVersion != prepared.Template.Version)
        {
            throw new ReportEngineException(
                $"Template \"{run.Template}\" changed after this committee's run was queued (checked version {Short(run.TemplateVersion)}, " +
                $"now {Short(prepared.Template.Version)}): the run is refused; start the burst again to check and use the new version.");
        }

        if (prepared.Parameters.GetValueOrDefault("locality") as string != area)
        {
            throw new ReportEngineException($"The run is confined to the locality {area}, but its parameters ask for another.");
        }

        return prepared with { ConfinedTo = area };
    }

    /// <summary>
    /// A document's run takes the next number of its issuing body (or, reprinting, the number and date of
    /// the run it reprints) and gives both to the template as document_number and document_date.
    /// </summary>
    private PreparedReport Number(RunRecord run, PreparedReport prepared, System.Data.Common.DbConnection connection)
    {
        string number, date;
        if (run.ReprintsRunId is not null)
        {
            (number, date) = (run.DocumentNumber ?? "", run.DocumentDate ?? "");
        }
        else if (prepared.Template.Definition.Document is { } document)
        {
            var locality = prepared.Parameters.GetValueOrDefault("locality") as string
                ?? throw new ReportEngineException($"Template \"{prepared.Template.Name}\" is a document (document: in template.yaml) but has no locality parameter: a number needs its issuing body.");
            var taken = DocumentRegister.For(runs.ConnectionString).Take(
                new NumberRequest(IssuingBody.Of(connection, locality), document.Type, run.Id, runs.Clock.GetUtcNow()));
            (number, date) = (taken.Text, taken.IssuedOn);
            runs.RecordDocumentNumber(run.Id, number, date);
        }
        else
        {
            return prepared;
        }

        var values = new Dictionary<string, object>(prepared.Values, StringComparer.Ordinal)
        {
            [EngineValues.DocumentNumber] = number,
            [EngineValues.DocumentDate] = date,
        };
        return prepared with { Values = values };
    }

    /// <summary>
    /// A reprint (--same-number) is the original document: the original's own signature update is appended again
    /// (SignatureReuse), or nothing when the original was unsigned, whatever Signing:* says now. Any other run is
    /// signed when Signing:* is set, and keeps its update for such reprints. True when the file changed.
    /// </summary>
    private async Task<bool> Sign(RunRecord run, string path, CancellationToken cancellation)
    {
        if (run.ReprintsRunId is { } originalId)
        {
            var original = runs.Find(originalId) ?? throw new ReportEngineException($"--same-number: the run {originalId} it reprints is gone.");
            var update = original.SignatureUpdate is { } stored ? RunStore.SignatureBytes(stored) : await ArchivedUpdate(original, path, cancellation);
            if (update is null)
            {
                return false;
            }

            await SignatureReuse.AppendAsync(path, update, originalId, cancellation);
            runs.RecordSignature(run.Id, update);
            return true;
        }

        if (!settings.Signing.Enabled)
        {
            return false;
        }

        var signed = await new PdfSigner(SigningSetup.Signer(settings.Signing), clock ?? TimeProvider.System).SignAsync(path, cancellation);
        runs.RecordSignature(run.Id, signed.Update);
        return true;
    }

    /// <summary>
    /// For an original signed before its run kept the update (migration 0013): what its archived file holds after the
    /// bytes the reprint rendered, when it begins with exactly those bytes and is signed; null otherwise (unsigned).
    /// </summary>
    private async Task<byte[]?> ArchivedUpdate(RunRecord original, string rendered, CancellationToken cancellation)
    {
        if (original.ArchivePath is null || !File.Exists(archive.FullPath(original.ArchivePath)))
        {
            return null;
        }

        var archived = await File.ReadAllBytesAsync(archive.FullPath(original.ArchivePath), cancellation);
        var fresh = await File.ReadAllBytesAsync(rendered, cancellation);
        if (archived.Length <= fresh.Length || !archived.AsSpan(0, fresh.Length).SequenceEqual(fresh))
        {
            return null;
        }

        var update = archived[fresh.Length..];
        return System.Text.Encoding.Latin1.GetString(update).Contains("/ByteRange", StringComparison.Ordinal) ? update : null;
    }

    private static string Short(string? version) => version is null ? "none" : version[..Math.Min(12, version.Length)];

    /// <summary>The error and each cause under it, one per line; our own errors need no type name.</summary>
    public static string Describe(Exception error)
    {
        var text = new StringBuilder();
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append("\n  caused by: ");
            }

            text.Append(e is ReportEngineException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }

        return text.ToString();
    }

    private static async Task TestDelay(CancellationToken cancellation)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(DelayBeforeArchiveVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            await Task.Delay(milliseconds, cancellation);
        }
    }

    /// <summary>A clock stopped at the run's reference time, for parameter defaults such as previous-year.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
