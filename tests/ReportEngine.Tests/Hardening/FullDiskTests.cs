using System.Diagnostics;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// A disk that fills while a report is rendered or copied out: a real full file system (a small tmpfs
/// mounted by the test; the tests run as root), one `error:` line, exit 1, no partial PDF left, and a
/// run that failed recorded as failed with the cause.
/// </summary>
[Collection(WorkerGroup.Name)]
public sealed class FullDiskTests : IDisposable
{
    private readonly WorkerFolder _world;
    private readonly string _small;

    public FullDiskTests(WorkerFixture fixture)
    {
        _world = new WorkerFolder(fixture);
        _small = Path.Combine(_world.Path, "small");
        Directory.CreateDirectory(_small);
        // 32 KiB: room for folders, not for an annual assessment (about 100 KiB with its fonts).
        Shell("mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", _small);
    }

    [Fact]
    public async Task A_disk_that_fills_while_rendering_fails_the_run_with_the_cause_and_leaves_no_partial_file()
    {
        var archive = Path.Combine(_small, "archive");

        var result = await CliProcess.Run(_world.Path, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy",
            "--db", _world.Database, "--archive", archive);

        result.AssertOneErrorLine();
        Assert.Contains("No space left on device", result.Error, StringComparison.Ordinal);
        var run = _world.Runs.List(1000).OrderBy(r => r.Id).Last();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("No space left on device", run.Error, StringComparison.Ordinal);
        Assert.Null(run.ArchivePath);
        Assert.Empty(Directory.EnumerateFiles(_small, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_disk_that_fills_while_copying_to_out_leaves_no_partial_file_there()
    {
        // Before: File.Copy's IOException escaped with a stack trace (exit 134) and left a partial PDF in --out.
        var output = Path.Combine(_small, "out");

        var result = await CliProcess.Run(_world.Path, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy",
            "--db", _world.Database, "--archive", Path.Combine(_world.Path, "archive"), "--out", output);

        result.AssertOneErrorLine();
        Assert.Contains("No space left on device", result.Error, StringComparison.Ordinal);
        Assert.Contains(output, result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_small, "*", SearchOption.AllDirectories));
        var run = _world.Runs.List(1000).OrderBy(r => r.Id).Last();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.True(File.Exists(_world.Archive.FullPath(run.ArchivePath!)));
    }

    public void Dispose()
    {
        Shell("umount", _small);
        _world.Dispose();
    }

    private static void Shell(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {error}");
    }
}
