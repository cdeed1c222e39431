using ReportEngine.Runs;

namespace ReportEngine.Archive;

/// <summary>Re-hashes every archived PDF against the SHA-256 its run recorded.</summary>
public sealed class ArchiveVerifier(ReportArchive archive, RunStore runs)
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

        var known = recorded.Select(r => r.ArchivePath!).ToHashSet(StringComparer.Ordinal);
        var unrecorded = archive.Files().Where(f => !known.Contains(f)).ToList();
        return new ArchiveReport(recorded.Count, problems, unrecorded);
    }
}

public enum ArchiveProblemKind
{
    Missing,
    Changed,
}

public sealed record ArchiveProblem(ArchiveProblemKind Kind, string Path, long RunId, string? ExpectedSha256, string? ActualSha256);

/// <summary>What verify found: problems are missing or changed files; an unrecorded file is only reported.</summary>
public sealed record ArchiveReport(int Checked, IReadOnlyList<ArchiveProblem> Problems, IReadOnlyList<string> Unrecorded)
{
    public bool IsIntact => Problems.Count == 0;
}
