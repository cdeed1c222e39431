using ReportEngine.Runs;
using ReportEngine.Templates.Sql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>Editing a template while the worker runs: the next run uses the edit; a broken edit keeps the last good version.</summary>
[Collection(WorkerGroup.Name)]
public sealed class TemplateHotReloadTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task An_edit_shows_in_the_next_run_and_a_broken_edit_keeps_the_last_good_version()
    {
        var template = CopyTemplate("organization-sheet");
        var first = WorkerFolder.SecondsAhead(10, following: 30);
        _folder.WriteSchedules($"""
            schedules:
              - id: sheet
                template: organization-sheet
                parameters: {"{"} organization: binh-thuan-hoi-luat-gia, year: "2024" {"}"}
                cron: "{WorkerFolder.CronAt(first, first.AddSeconds(15), first.AddSeconds(30))}"
            """);
        using var worker = _folder.StartWorker();
        var limit = TimeSpan.FromSeconds(60);

        var before = await Poll.Until(() => Finished(1), limit, () => worker.Output);
        var strings = Path.Combine(template, "strings.vi.yaml");
        File.WriteAllText(strings, File.ReadAllText(strings).Replace("title: Phiếu thông tin hội quần chúng", "title: Phiếu thông tin (bản sửa)", StringComparison.Ordinal));

        var edited = await Poll.Until(() => Finished(2), limit, () => worker.Output);
        File.AppendAllText(Path.Combine(template, "template.yaml"), "  - type: histogram\n");

        var afterBreak = await Poll.Until(() => Finished(3), limit, () => worker.Output);

        Assert.All(new[] { before, edited, afterBreak }, run => Assert.Equal(RunStatus.Succeeded, run.Status));
        Assert.Contains("Phiếu thông tin hội quần chúng", PdfText.Poppler(_folder.Archive.FullPath(before.ArchivePath!)), StringComparison.Ordinal);
        Assert.Contains("Phiếu thông tin (bản sửa)", PdfText.Poppler(_folder.Archive.FullPath(edited.ArchivePath!)), StringComparison.Ordinal);
        Assert.NotEqual(before.TemplateVersion, edited.TemplateVersion);
        Assert.Equal(edited.TemplateVersion, afterBreak.TemplateVersion);
        Assert.Contains("Phiếu thông tin (bản sửa)", PdfText.Poppler(_folder.Archive.FullPath(afterBreak.ArchivePath!)), StringComparison.Ordinal);
        // The console logger writes from its own queue, so the line may reach the pipe after the run is recorded.
        await Poll.Until(() => worker.Output.Contains("histogram", StringComparison.Ordinal), TimeSpan.FromSeconds(10), () => worker.Output);
    }

    public void Dispose() => _folder.Dispose();

    private RunRecord? Finished(int count)
    {
        var runs = _folder.RunsOf("sheet").Where(r => r.IsFinished).ToList();
        return runs.Count >= count ? runs[count - 1] : null;
    }

    /// <summary>The worker's working folder gets its own templates folder, which wins over the shipped one.</summary>
    private string CopyTemplate(string name)
    {
        var source = Path.Combine(RepositoryPaths.Templates, name);
        var target = Path.Combine(_folder.Path, "templates", name);
        var shared = Path.Combine(RepositoryPaths.Templates, SharedQueries.FolderName);
        foreach (var file in Directory.GetFiles(shared))
        {
            // The shared queries the template uses sit beside it.
            var destination = Path.Combine(_folder.Path, "templates", SharedQueries.FolderName, Path.GetFileName(file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
