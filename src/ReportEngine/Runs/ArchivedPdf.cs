using ReportEngine.Archive;

namespace ReportEngine.Runs;

/// <summary>A run's archived PDF: the file (inside the archive) and the name it was archived under.</summary>
public sealed record ArchivedPdfFile(string Path, string FileName);

/// <summary>
/// Finds a run's archived PDF by run id only: the path comes from the run record and goes through the
/// archive's FullPath, which refuses anything outside the archive, so nothing a request says names a file.
/// </summary>
public sealed class ArchivedPdf(RunStore runs, ReportArchive archive)
{
    /// <returns>null when the run does not exist, has no archived PDF, or the file is missing.</returns>
    public ArchivedPdfFile? Find(long runId)
    {
        if (runs.Find(runId) is not { Status: RunStatus.Succeeded, ArchivePath: { } relative })
        {
            return null;
        }

        var path = archive.FullPath(relative);
        return File.Exists(path) ? new ArchivedPdfFile(path, System.IO.Path.GetFileName(path)) : null;
    }
}
