using ReportEngine.Archive;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

public sealed class ReportArchiveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void An_archive_name_already_taken_is_never_overwritten_the_file_gets_the_next_free_name()
    {
        var archive = new ReportArchive(_folder.Path);
        var first = Stage(archive, 7, "first");
        var second = Stage(archive, 7, "second");

        var a = archive.Store(first, "annual-assessment/2024/7-binh-thuan-vi.pdf");
        var b = archive.Store(second, "annual-assessment/2024/7-binh-thuan-vi.pdf");

        Assert.Equal("annual-assessment/2024/7-binh-thuan-vi.pdf", a.RelativePath);
        Assert.Equal("annual-assessment/2024/7-binh-thuan-vi-2.pdf", b.RelativePath);
        Assert.Equal("first", File.ReadAllText(archive.FullPath(a.RelativePath)));
        Assert.Equal("second", File.ReadAllText(archive.FullPath(b.RelativePath)));
        Assert.Equal(ReportArchive.Sha256(archive.FullPath(b.RelativePath)), b.Sha256);
    }

    [Fact]
    public void The_archive_name_holds_template_year_run_id_locality_and_language()
    {
        var parameters = new Dictionary<string, object> { ["year"] = 2024, ["locality"] = "phan-thiet", ["as_of"] = "2024-08-31" };

        var name = ReportArchive.RelativePath(42, "annual-assessment", "en", parameters, DateTimeOffset.UnixEpoch);

        Assert.Equal("annual-assessment/2024/42-phan-thiet-en.pdf", name);
    }

    [Fact]
    public void Files_lists_archived_pdfs_but_not_the_staging_folder()
    {
        var archive = new ReportArchive(_folder.Path);
        archive.Store(Stage(archive, 1, "done"), "t/2024/1-x-vi.pdf");
        archive.DeleteStaging(1);
        Stage(archive, 2, "half-written");

        Assert.Equal(["t/2024/1-x-vi.pdf"], archive.Files());
        Assert.Equal([2L], archive.StagedRuns());
    }

    public void Dispose() => _folder.Dispose();

    private static string Stage(ReportArchive archive, long runId, string content)
    {
        var folder = archive.StagingFolder(runId);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllText(file, content);
        return file;
    }
}
