using System.Security.Cryptography.X509Certificates;
using ReportEngine.Archive;
using ReportEngine.Archive.Signing;

namespace ReportEngine.Runs;

/// <summary>
/// Re-hashes every archived PDF against the SHA-256 its run recorded, and finds the files no run
/// records, and checks each file's signature against the trust store (unsigned, invalid or valid).
/// Lives with the runs: the archive is a folder of files that knows nothing of runs.
/// </summary>
public sealed class ArchiveVerifier(ReportArchive archive, RunStore runs, X509Certificate2Collection? trustStore = null)
{
    public ArchiveReport Verify()
    {
        var recorded = runs.Archived();
        var problems = new List<ArchiveProblem>();
        foreach (var run in recorded)
        {
            var path = archive.FullPath(run.ArchivePath!);
            if (!File.Exists(path))
            {
                problems.Add(new ArchiveProblem(ArchiveProblemKind.Missing, run.ArchivePath!, run.Id, run.Sha256, null));
                continue;
            }

            var actual = ReportArchive.Sha256(path);
            if (!string.Equals(actual, run.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new ArchiveProblem(ArchiveProblemKind.Changed, run.ArchivePath!, run.Id, run.Sha256, actual));
            }
        }

        // A run archiving right now has recorded the name before the rename: its file is not a stray.
        var known = recorded.Select(r => r.ArchivePath!)
            .Concat(runs.ArchivingUnfinished().Where(r => r.Status == RunStatus.Running).Select(r => r.ArchivingTo!))
            .ToHashSet(StringComparer.Ordinal);
        var files = archive.Files();
        var unrecorded = files.Where(f => !known.Contains(f)).ToList();
        var signatures = files.Select(f => new ArchivedSignature(f, PdfSignatureVerifier.Verify(archive.FullPath(f), trustStore)))
            .ToList();
        return new ArchiveReport(recorded.Count, problems, unrecorded) { Signatures = signatures };
    }
}

public enum ArchiveProblemKind
{
    Missing,
    Changed,
}

public sealed record ArchiveProblem(ArchiveProblemKind Kind, string Path, long RunId, string? ExpectedSha256, string? ActualSha256);

/// <summary>
/// What verify found: missing or changed files, and files no run records (the archive and the run
/// records disagree: a copy from elsewhere, or a crash window this version closes).
/// </summary>
public sealed record ArchiveReport(int Checked, IReadOnlyList<ArchiveProblem> Problems, IReadOnlyList<string> Unrecorded)
{
    /// <summary>Every archived file's signature check, in archive order.</summary>
    internal IReadOnlyList<ArchivedSignature> Signatures { get; init; } = [];

    /// <summary>An unsigned file is reported but is not a fault (signing may have been turned on later); an invalid signature is.</summary>
    public bool IsIntact => Problems.Count == 0 && Unrecorded.Count == 0 && Signatures.All(s => s.Check.Status != SignatureStatus.Invalid);
}

internal sealed record ArchivedSignature(string Path, SignatureCheck Check);
