using Microsoft.Extensions.Logging.Abstractions;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>One worker per database, even when two are started at the same instant; recovery never takes a live run's staging.</summary>
[Collection(WorkerGroup.Name)]
public sealed class SingleServeTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task Two_serve_released_at_the_same_moment_exactly_one_serves_and_the_other_exits_with_one_error_line()
    {
        var barrier = Path.Combine(_folder.Path, "barrier");
        Directory.CreateDirectory(barrier);
        var environment = new Dictionary<string, string> { [SingleWorker.StartBarrierVariable] = barrier };
        using var a = _folder.StartWorker(environment);
        using var b = _folder.StartWorker(environment);

        // Both are up to the claim; then both are let go at once.
        await Poll.Until(() => Directory.GetFiles(barrier, "*.ready").Length == 2, Startup, () => a.Output + "\n" + b.Output);
        await File.WriteAllTextAsync(Path.Combine(barrier, "go"), "");

        var loser = await Poll.Until(() => a.HasExited ? a : b.HasExited ? b : null, Startup, () => a.Output + "\n" + b.Output);
        var winner = loser == a ? b : a;
        await winner.WaitForLine(l => l.Contains("Serving ", StringComparison.Ordinal), Startup);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(1, loser.ExitCode);
        var error = Assert.Single(loser.Output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: Another worker (", error, StringComparison.Ordinal);
        Assert.Contains($":{winner.Id})", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", loser.Output, StringComparison.Ordinal);
        Assert.False(winner.HasExited, winner.Output);
    }

    [Fact]
    public async Task The_worker_recovering_at_start_keeps_the_staged_pdf_of_a_run_that_is_not_finished()
    {
        // A `run` has recorded its run and staged its PDF while the worker starts.
        var id = _folder.Runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = """{"locality":"la-gi","year":"2024"}""",
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "someone",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
        });
        var staged = Path.Combine(_folder.Archive.StagingFolder(id), "report.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        await File.WriteAllTextAsync(staged, "%PDF-");
        var finished = _folder.Runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = "{}",
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "someone",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
        });
        _folder.Runs.Fail(finished, "failed long ago");
        Directory.CreateDirectory(_folder.Archive.StagingFolder(finished));

        await new InterruptedRuns(_folder.Runs, _folder.Archive, NullLogger<InterruptedRuns>.Instance).StartAsync(CancellationToken.None);

        Assert.True(File.Exists(staged));
        Assert.Equal([id], _folder.Archive.StagedRuns());
    }

    public void Dispose() => _folder.Dispose();
}
