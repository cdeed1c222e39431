using System.Globalization;
using System.Security.Cryptography;
using ReportEngine.Reports;

namespace ReportEngine.Archive;

/// <summary>
/// The archive of every PDF a run produced: &lt;root&gt;/&lt;template&gt;/&lt;year&gt;/&lt;run id&gt;-&lt;locality&gt;-&lt;lang&gt;.pdf.
/// A PDF is rendered into &lt;root&gt;/.staging/&lt;run id&gt;/ and renamed into place, so the archive holds
/// whole files only; a name is taken once (the run id is in it) and never overwritten.
/// </summary>
public sealed class ReportArchive(string root)
{
    public const string StagingFolderName = ".staging";

    /// <summary>Where files that reached the archive but belong to no run are moved (see the runs' reconciliation).</summary>
    public const string QuarantineFolderName = ".quarantine";

    /// <summary>PNG images of archived PDFs' first pages (the run page's previews): a cache, not part of the archive.</summary>
    public const string PreviewsFolderName = ".previews";

    public string Root { get; } = Path.GetFullPath(root);

    public string StagingFolder(long runId) => Path.Combine(Root, StagingFolderName, runId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The archive name of a run's PDF, relative to the root, with '/' separators.</summary>
    public static string RelativePath(long runId, string template, string language, IReadOnlyDictionary<string, object> parameters, DateTimeOffset queuedAt)
    {
        var year = parameters.TryGetValue("year", out var y) ? Convert.ToString(y, CultureInfo.InvariantCulture)!
            : parameters.TryGetValue("as_of", out var asOf) ? ((string)asOf)[..4]
            : queuedAt.Year.ToString(CultureInfo.InvariantCulture);
        var subject = parameters.TryGetValue("locality", out var locality) ? (string)locality
            : parameters.TryGetValue("organization", out var organization) ? Convert.ToString(organization, CultureInfo.InvariantCulture)!
            : "all";
        PathSegment.Check(template, "The template name");
        PathSegment.Check(year, "The year");
        PathSegment.Check(subject, "The report's locality or organization");
        PathSegment.Check(language, "The language");
        return $"{template}/{year}/{runId.ToString(CultureInfo.InvariantCulture)}-{subject}-{language}.pdf";
    }

    /// <summary>The full path of an archive name; a name that would lead outside the archive is refused.</summary>
    public string FullPath(string relativePath) => PathSegment.Inside(Root, relativePath.Replace('/', Path.DirectorySeparatorChar), "The archive name");

    /// <summary>
    /// Moves a fully written staged file to its archive name and returns the name it got and its
    /// SHA-256 (lower-case hex, hashed from the bytes on disk before the move). An existing file is
    /// never replaced: should the name be taken (run ids start again in a database restored from a
    /// backup, or in a second database sharing the archive), the file gets the next free "-2", "-3"… name.
    /// beforeRename is told each name (and the hash) just before the file is renamed to it, so the
    /// caller can record where the file is going; the folder is synced after the rename, so once
    /// this returns the file is at its name on disk.
    /// </summary>
    public (string RelativePath, string Sha256) Store(string stagedFile, string relativePath, Action<string, string>? beforeRename = null)
    {
        var hash = Sha256(stagedFile);
        var stem = relativePath[..^".pdf".Length];
        for (var attempt = 1; ; attempt++)
        {
            var name = attempt == 1 ? relativePath : string.Create(CultureInfo.InvariantCulture, $"{stem}-{attempt}.pdf");
            var target = FullPath(name);
            CreateFolder(Path.GetDirectoryName(target)!);
            try
            {
                if (!File.Exists(target))
                {
                    beforeRename?.Invoke(name, hash);
                    File.Move(stagedFile, target, overwrite: false);
                    AtomicFile.SyncFolder(Path.GetDirectoryName(target)!);
                    return (name, hash);
                }
            }
            catch (IOException) when (File.Exists(target))
            {
                // Taken between the check and the move: try the next name.
            }
        }
    }

    /// <summary>Moves an archived file to .quarantine/ under the same relative name (never overwriting); returns where it went.</summary>
    public string Quarantine(string relativePath)
    {
        var source = FullPath(relativePath);
        var target = Path.Combine(Root, QuarantineFolderName, relativePath.Replace('/', Path.DirectorySeparatorChar));
        for (var attempt = 2; File.Exists(target); attempt++)
        {
            target = string.Create(CultureInfo.InvariantCulture, $"{Path.Combine(Root, QuarantineFolderName, relativePath.Replace('/', Path.DirectorySeparatorChar))}.{attempt}");
        }

        CreateFolder(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: false);
        AtomicFile.SyncFolder(Path.GetDirectoryName(source)!);
        AtomicFile.SyncFolder(Path.GetDirectoryName(target)!);
        return target;
    }

    public void DeleteStaging(long runId)
    {
        var folder = StagingFolder(runId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Run ids that have a staging folder (left by a run that was killed, or one still running).</summary>
    public IReadOnlyList<long> StagedRuns()
    {
        var staging = Path.Combine(Root, StagingFolderName);
        return Directory.Exists(staging)
            ? Directory.GetDirectories(staging)
                .Select(d => long.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
                .Where(id => id >= 0)
                .ToList()
            : [];
    }

    /// <summary>Every PDF under the root outside the staging, quarantine and previews folders, relative with '/' separators.</summary>
    public IReadOnlyList<string> Files()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var staging = Path.Combine(Root, StagingFolderName) + Path.DirectorySeparatorChar;
        var quarantine = Path.Combine(Root, QuarantineFolderName) + Path.DirectorySeparatorChar;
        var previews = Path.Combine(Root, PreviewsFolderName) + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Root, "*.pdf", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(staging, StringComparison.Ordinal) && !f.StartsWith(quarantine, StringComparison.Ordinal)
                        && !f.StartsWith(previews, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Creates a folder and any missing parents, syncing each parent so the new folders survive a power cut.</summary>
    private static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        CreateFolder(Path.GetDirectoryName(folder)!);
        Directory.CreateDirectory(folder);
        AtomicFile.SyncFolder(Path.GetDirectoryName(folder)!);
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
