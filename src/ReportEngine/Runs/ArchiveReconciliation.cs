using ReportEngine.Archive;

namespace ReportEngine.Runs;

/// <summary>
/// Makes the archive and the run records agree again after a process was killed (kill -9, a power
/// cut) while archiving. A run records the name and hash of its PDF before renaming it into the
/// archive, so at the next start:
/// - the file is at that name with that hash: the rename happened and the PDF is whole (a rename
///   is atomic), so the run is recorded as succeeded, as it would have been a moment later, and not
///   done again;
/// - the file is at that name but the run was already done again, or the hash differs: the file is
///   moved to &lt;archive&gt;/.quarantine/, so no PDF is archived twice for one request;
/// - the file is not there: the rename never happened; the run is interrupted and done again like
///   any other (its staged PDF is deleted);
/// - a succeeded run whose file is gone: marked failed, the name kept so `archive verify` reports it.
/// Files no run records at all are left where they are (they may be another database's) and make
/// `archive verify` fail.
/// </summary>
public static class ArchiveReconciliation
{
    public static Reconciled Reconcile(RunStore runs, ReportArchive archive)
    {
        var completed = new List<RunRecord>();
        var quarantined = new List<string>();
        foreach (var run in runs.ArchivingUnfinished())
        {
            if (run.Status == RunStatus.Running && ProcessName.IsAlive(run.ExecutedBy))
            {
                continue; // still archiving, in a process that runs
            }

            var name = run.ArchivingTo!;
            var path = archive.FullPath(name);
            if (!File.Exists(path))
            {
                continue;
            }

            var whole = string.Equals(ReportArchive.Sha256(path), run.ArchivingSha256, StringComparison.OrdinalIgnoreCase);
            if (whole && runs.RecoveredBy(run.Id) is null && runs.CompleteArchived(run.Id, name))
            {
                completed.Add(runs.Find(run.Id)!);
            }
            else
            {
                quarantined.Add(archive.Quarantine(name));
            }
        }

        var failed = new List<RunRecord>();
        foreach (var run in runs.Archived().Where(r => r.Status == RunStatus.Succeeded))
        {
            var path = archive.FullPath(run.ArchivePath!);
            if (!File.Exists(path) && runs.FailMissingFile(run.Id, $"The archived PDF {path} is missing: deleted, or lost in a crash before it reached the disk."))
            {
                failed.Add(run);
            }
        }

        return new Reconciled(completed, quarantined, failed);
    }
}

/// <param name="Completed">Runs killed after their PDF reached the archive, now recorded as succeeded.</param>
/// <param name="Quarantined">Full paths of files moved out of the archive proper.</param>
/// <param name="MissingFiles">Succeeded runs whose file was gone, now failed.</param>
public sealed record Reconciled(IReadOnlyList<RunRecord> Completed, IReadOnlyList<string> Quarantined, IReadOnlyList<RunRecord> MissingFiles);
