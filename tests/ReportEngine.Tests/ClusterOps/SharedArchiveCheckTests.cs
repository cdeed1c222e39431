using ReportEngine.Archive;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.ClusterOps;

/// <summary>
/// The archive `serve` checks at start (SQLite here; PostgreSQL in the cluster tests): marked with its
/// database by the first worker, adopted unmarked only when it plainly holds the database's PDFs, and
/// refused, naming the folder and Archive:Path, when it is another database's or holds none of them.
/// </summary>
[Collection(WorkerGroup.Name)]
public sealed class SharedArchiveCheckTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task Serve_refuses_an_archive_marked_for_another_database()
    {
        Directory.CreateDirectory(_folder.Archive.Root);
        var marker = Path.Combine(_folder.Archive.Root, ArchiveMarker.FileName);
        await File.WriteAllTextAsync(marker, "database=SQLite file /srv/other/reports.db\n");

        using var worker = _folder.StartWorker();
        await worker.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(worker.ExitCode == 1, worker.Output);
        Assert.Contains($"The archive {_folder.Archive.Root} (setting Archive:Path) belongs to another database", worker.Output, StringComparison.Ordinal);
        Assert.Contains("names \"SQLite file /srv/other/reports.db\"", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Serving ", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmarked_archive_is_adopted_only_when_it_holds_the_latest_archived_pdf_unchanged()
    {
        // An empty database (nothing archived) adopts any folder: the first start of a new installation.
        var fresh = Path.Combine(_folder.Path, "fresh-archive");
        SharedArchiveCheck.Verify(_folder.Database, fresh);
        Assert.True(File.Exists(Path.Combine(fresh, ArchiveMarker.FileName)));

        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=la-gi",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);
        Assert.True(run.ExitCode == 0, run.Error);

        // Now the database has archived a PDF: an empty folder (a shared mount not mounted) is refused.
        var empty = Path.Combine(_folder.Path, "not-mounted");
        Directory.CreateDirectory(empty);
        var refused = Assert.Throws<ReportEngineException>(() => SharedArchiveCheck.Verify(_folder.Database, empty));
        Assert.StartsWith($"The archive {empty} (setting Archive:Path) has no {ArchiveMarker.FileName} and none of the latest archived PDFs", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(empty, ArchiveMarker.FileName)));

        // A copy of the PDF with other bytes does not pass for it.
        var archived = _folder.Runs.Archived().Single();
        var forged = Path.Combine(empty, archived.ArchivePath!);
        Directory.CreateDirectory(Path.GetDirectoryName(forged)!);
        await File.WriteAllTextAsync(forged, "not the archived PDF");
        Assert.Throws<ReportEngineException>(() => SharedArchiveCheck.Verify(_folder.Database, empty));

        // The real archive of runs filed before markers existed: adopted and marked.
        SharedArchiveCheck.Verify(_folder.Database, _folder.Archive.Root);
        Assert.True(File.Exists(Path.Combine(_folder.Archive.Root, ArchiveMarker.FileName)));
    }

    [Fact]
    public void An_archive_path_that_cannot_be_written_is_refused_naming_the_setting()
    {
        // A file where the folder should be: nothing can be written under it, even by root.
        var file = Path.Combine(_folder.Path, "a-file");
        File.WriteAllText(file, "");

        var refused = Assert.Throws<ReportEngineException>(() => SharedArchiveCheck.Verify(_folder.Database, file));

        Assert.StartsWith($"The archive {file} (setting Archive:Path) cannot be written by this worker", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_starting_at_once_write_one_marker_and_agree()
    {
        var root = Path.Combine(_folder.Path, "raced");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SharedArchiveCheck.Verify(_folder.Database, root))));

        Assert.Equal([ArchiveMarker.FileName], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    public void Dispose() => _folder.Dispose();
}
