using Dapper;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;

namespace ReportEngine.Runs;

/// <summary>
/// At `serve` start: every worker of a database files into one archive (on PostgreSQL several workers,
/// so a folder every one of them mounts), and no two databases into one. The archive's marker names its
/// database (<see cref="DatabaseIdentity"/>). Without a marker the folder is adopted, and marked, only
/// when it is plainly this database's: the database has archived nothing yet, or one of its latest
/// archived PDFs is there with the SHA-256 its run recorded (an archive from before the marker existed).
/// Otherwise the worker refuses to start, naming the folder and the setting, before it files anything
/// where the other workers (and `archive verify`) would never look.
/// </summary>
public static class SharedArchiveCheck
{
    private const string Setting = ArchiveOptions.Section + ":Path";

    public static void Verify(string connectionString, string archiveRoot)
    {
        var identity = DatabaseIdentity.Of(connectionString);
        var marker = new ArchiveMarker(archiveRoot);
        try
        {
            var named = marker.Database();
            if (named is null)
            {
                if (!HoldsLatestArchived(connectionString, new ReportArchive(marker.Root), out var expected))
                {
                    throw new ReportEngineException(
                        $"The archive {marker.Root} (setting {Setting}) has no {ArchiveMarker.FileName} and none of the latest archived PDFs of " +
                        $"{DatabaseLocation.Describe(connectionString)} ({string.Join(", ", expected)}): it is not that database's archive " +
                        $"(is the shared mount missing?). Set {Setting} to the folder its runs are filed in, the same for every worker.");
                }

                named = marker.Claim(identity);
            }

            if (named != identity)
            {
                throw new ReportEngineException(
                    $"The archive {marker.Root} (setting {Setting}) belongs to another database: {marker.Path} names \"{named}\", " +
                    $"this worker serves \"{identity}\" ({DatabaseLocation.Describe(connectionString)}). Every worker of a database must use " +
                    $"the same archive, and no two databases one. If this database was restored or moved and this is its archive, delete " +
                    $"{ArchiveMarker.FileName}: the next start checks the folder holds the database's latest archived PDFs and marks it again.");
            }

            marker.CheckWritable();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportEngineException($"The archive {marker.Root} (setting {Setting}) cannot be written by this worker: {MessageText.OneLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Whether the folder holds one of the database's three latest archived PDFs, unchanged; true when
    /// nothing is archived yet. Three, so one file an operator removed does not refuse a good archive.
    /// </summary>
    private static bool HoldsLatestArchived(string connectionString, ReportArchive archive, out IReadOnlyList<string> expected)
    {
        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        var latest = connection.Query<(string Path, string Sha256)>(
            "SELECT archive_path, sha256 FROM runs WHERE status = 'succeeded' AND archive_path IS NOT NULL ORDER BY id DESC LIMIT 3").AsList();
        expected = latest.Select(r => r.Path).ToList();
        return latest.Count == 0 || latest.Any(r =>
            File.Exists(archive.FullPath(r.Path)) && string.Equals(ReportArchive.Sha256(archive.FullPath(r.Path)), r.Sha256, StringComparison.OrdinalIgnoreCase));
    }
}
