using ReportEngine.Configuration;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Runs;

/// <summary>PNG previews of an archived PDF's first pages, by run id only, rendered by poppler's pdftoppm.</summary>
[Collection(WorkerGroup.Name)]
public sealed class RunPreviewsTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task The_first_pages_of_a_real_archived_pdf_are_pngs_cached_outside_what_archive_verify_reads()
    {
        var settings = new ReportEngineSettings(_folder.Database, RepositoryPaths.Templates);
        var queued = new RunRequests(settings, TimeProvider.System).Queue(
            new RunRequest("annual-assessment", new Dictionary<string, string> { ["year"] = "2024", ["locality"] = "la-gi" }), RunTrigger.Console, "lan");
        var run = await new RunExecutor(settings, _folder.Archive, _folder.Runs).ExecuteAsync(queued.RunId!.Value, CancellationToken.None);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var previews = new RunPreviews(_folder.Runs, _folder.Archive);

        var images = await previews.FirstPagesAsync(run.Id);
        var written = images.Select(i => File.GetLastWriteTimeUtc(i.File)).ToList();
        var again = await previews.FirstPagesAsync(run.Id);

        Assert.Equal(Math.Min(RunPreviews.MaxPages, (int)run.Pages!.Value), images.Count);
        Assert.All(images, i => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(i.File)[..4]));
        Assert.All(images, i => Assert.StartsWith(Path.Combine(_folder.Archive.Root, ".previews") + Path.DirectorySeparatorChar, i.File, StringComparison.Ordinal));
        Assert.Equal(written, again.Select(i => File.GetLastWriteTimeUtc(i.File)));
        Assert.Equal([run.ArchivePath!], _folder.Archive.Files());
    }

    [Fact]
    public async Task An_unknown_run_or_one_without_an_archived_pdf_is_refused()
    {
        var previews = new RunPreviews(_folder.Runs, _folder.Archive);
        var queued = _folder.Runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = "{}",
            Trigger = RunTrigger.Console,
            RequestedBy = "lan",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
        });

        var unknown = await Assert.ThrowsAsync<ReportEngineException>(() => previews.FirstPagesAsync(424242));
        var waiting = await Assert.ThrowsAsync<ReportEngineException>(() => previews.FirstPagesAsync(queued));

        Assert.Equal("There is no run 424242.", unknown.Message);
        Assert.Equal($"Run {queued} has no archived PDF to preview (it is queued).", waiting.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder.Archive.Root, ".previews")));
    }

    public void Dispose() => _folder.Dispose();
}
