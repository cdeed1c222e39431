using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// kill -9 of a `run` process at each point of archiving a PDF, then a new start: the run records and
/// the archive agree (every archived file is recorded by a succeeded run, every succeeded run's file is
/// there), and `archive verify` says so.
/// </summary>
[Collection(WorkerGroup.Name)]
public sealed class ArchiveCrashWindowTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly WorkerFolder _folder = new(fixture);

    [Theory]
    [InlineData(CrashPoint.AfterRecordPath, RunStatus.Interrupted, 0)]
    [InlineData(CrashPoint.AfterRename, RunStatus.Succeeded, 1)]
    [InlineData(CrashPoint.BeforeRecordSucceeded, RunStatus.Succeeded, 1)]
    public async Task A_run_killed_while_archiving_leaves_records_and_archive_that_agree_after_the_next_start(string point, string settled, int filesOfTheKilledRun)
    {
        using (var killed = WorkerProcess.Start(_folder.Path, _folder.Database, new Dictionary<string, string> { [CrashPoint.Variable] = point },
            "run", "annual-assessment", "--set", "year=2024", "--set", "locality=ham-tan"))
        {
            await killed.WaitForExit(Deadline);
            Assert.True(killed.ExitCode == 137, $"exit code {killed.ExitCode}, not killed at {point}:\n{killed.Output}");
        }

        var victim = Assert.Single(_folder.Runs.List(10));
        Assert.Equal(RunStatus.Running, victim.Status);

        var next = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=la-gi",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);
        Assert.True(next.ExitCode == 0, next.Error);

        var after = _folder.Runs.Find(victim.Id)!;
        Assert.Equal(settled, after.Status);
        Assert.Equal(filesOfTheKilledRun, _folder.Archive.Files().Count(f => f.Contains($"/{victim.Id}-ham-tan-", StringComparison.Ordinal)));
        Assert.Empty(_folder.Archive.StagedRuns());
        AssertRecordsAndArchiveAgree();

        var verify = await CliRun.Invoke("archive", "verify", "--db", _folder.Database, "--archive", _folder.Archive.Root);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.EndsWith($"{1 + filesOfTheKilledRun} files checked, {1 + filesOfTheKilledRun} intact, 0 missing or changed", verify.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_verify_exits_non_zero_on_a_file_no_run_records()
    {
        var run = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=bac-binh",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);
        Assert.True(run.ExitCode == 0, run.Error);
        var stray = Path.Combine(Path.GetDirectoryName(run.OutputLines[0])!, "999-stray-vi.pdf");
        File.Copy(run.OutputLines[0], stray);

        var verify = await CliRun.Invoke("archive", "verify", "--db", _folder.Database, "--archive", _folder.Archive.Root);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"not recorded by any run: {stray}", verify.OutputLines);
        Assert.EndsWith("1 files checked, 1 intact, 0 missing or changed, 1 not recorded by any run", verify.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_succeeded_run_whose_file_is_gone_is_marked_failed_at_the_next_start()
    {
        var first = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=bac-binh",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);
        Assert.True(first.ExitCode == 0, first.Error);
        File.Delete(first.OutputLines[0]);
        var lost = _folder.Runs.List(1)[0];

        var next = await CliRun.Invoke("run", "annual-assessment", "--set", "year=2024", "--set", "locality=la-gi",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);

        Assert.True(next.ExitCode == 0, next.Error);
        var after = _folder.Runs.Find(lost.Id)!;
        Assert.Equal(RunStatus.Failed, after.Status);
        Assert.Contains("is missing", after.Error, StringComparison.Ordinal);
    }

    private void AssertRecordsAndArchiveAgree()
    {
        var succeeded = _folder.Runs.List(1000).Where(r => r.Status == RunStatus.Succeeded).ToList();
        Assert.NotEmpty(succeeded);
        Assert.Equal(succeeded.Select(r => r.ArchivePath!).Order(StringComparer.Ordinal), _folder.Archive.Files());
        foreach (var run in succeeded)
        {
            Assert.Equal(run.Sha256, ReportEngine.Archive.ReportArchive.Sha256(_folder.Archive.FullPath(run.ArchivePath!)));
        }
    }

    public void Dispose() => _folder.Dispose();
}
