using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Runs;
using ReportEngine.Templates.Sql;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Runs;

[Collection(WorkerGroup.Name)]
public sealed class RunExecutorTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);
    private readonly TempFolder _templates = new();

    [Fact]
    public async Task A_run_that_fails_records_the_error_with_its_cause_and_archives_nothing()
    {
        CopyTemplate("annual-assessment", _templates.Path);
        await File.WriteAllTextAsync(Path.Combine(_templates.Path, "annual-assessment", "queries", "summary.sql"), "SELECT * FROM no_such_table");
        var runs = _folder.Runs;
        var id = runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = """{"year":"2024"}""",
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "test",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
        });
        var executor = new RunExecutor(new ReportEngineSettings(_folder.Database, _templates.Path), _folder.Archive, runs);

        var run = await executor.ExecuteAsync(id, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("Query \"summary\" failed: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  caused by: SqliteException: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("no such table", run.Error, StringComparison.Ordinal);
        Assert.NotNull(run.FinishedAt);
        Assert.Null(run.ArchivePath);
        Assert.Empty(_folder.Archive.Files());
        Assert.Empty(_folder.Archive.StagedRuns());
    }

    [Fact]
    public async Task A_run_is_started_once_even_when_two_callers_execute_it()
    {
        var id = _folder.Runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = """{"year":"2024","locality":"phu-quy"}""",
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "test",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
        });
        var executor = new RunExecutor(new ReportEngineSettings(_folder.Database, RepositoryPaths.Templates), _folder.Archive, _folder.Runs);

        var results = await Task.WhenAll(executor.ExecuteAsync(id, CancellationToken.None), executor.ExecuteAsync(id, CancellationToken.None));

        Assert.Contains(results, r => r.Status == RunStatus.Succeeded);
        Assert.Single(_folder.Archive.Files());
    }

    public void Dispose()
    {
        _templates.Dispose();
        _folder.Dispose();
    }

    /// <summary>Copies a template, and the shared queries every template uses.</summary>
    private static void CopyTemplate(string name, string root)
    {
        if (name != SharedQueries.FolderName)
        {
            CopyTemplate(SharedQueries.FolderName, root);
        }

        var source = Path.Combine(RepositoryPaths.Templates, name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
