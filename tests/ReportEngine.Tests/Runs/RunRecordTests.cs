using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Runs;

/// <summary>`run`, `runs` and `archive verify` in-process, without a worker, on a copy of the demo database.</summary>
[Collection(WorkerGroup.Name)]
public sealed class RunRecordTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task Run_records_the_run_and_prints_the_archived_path_then_its_id_and_status()
    {
        var run = await Run("--set", "year=2024", "--set", "locality=bac-binh", "--lang", "en");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, run.OutputLines.Count);
        var (id, status) = LastLine(run);
        Assert.Equal(RunStatus.Succeeded, status);
        var record = _folder.Runs.Find(id)!;
        Assert.Equal(_folder.Archive.FullPath(record.ArchivePath!), run.OutputLines[0]);
        Assert.Equal($"annual-assessment/2024/{id}-bac-binh-en.pdf", record.ArchivePath);
        Assert.Equal((RunTrigger.CommandLine, Environment.UserName), (record.Trigger, record.RequestedBy));
        Assert.Equal("2024-08-31", record.DataAsOf);
        Assert.Equal(64, record.TemplateVersion!.Length);
        Assert.Equal(ReportEngine.Archive.ReportArchive.Sha256(run.OutputLines[0]), record.Sha256);
        Assert.True(record.Pages > 0 && record.Bytes > 0);
        Assert.NotNull(record.StartedAt);
        Assert.NotNull(record.FinishedAt);
    }

    [Fact]
    public async Task Rerunning_a_past_run_with_its_number_against_unchanged_data_gives_the_same_sha256()
    {
        // The report is a numbered document: only a rerun that prints the same number can give the same bytes.
        var first = LastLine(await Run("--set", "year=2024", "--set", "locality=phu-quy"));
        var rerun = await CliRun.Invoke("runs", "rerun", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--same-number",
            "--db", _folder.Database, "--archive", _folder.Archive.Root);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var second = LastLine(rerun);

        var (a, b) = (_folder.Runs.Find(first.Id)!, _folder.Runs.Find(second.Id)!);
        Assert.NotEqual(a.ArchivePath, b.ArchivePath);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(a.TemplateVersion, b.TemplateVersion);
    }

    [Fact]
    public async Task Runs_list_and_runs_show_print_the_record()
    {
        var (id, _) = LastLine(await Run("--set", "year=2024", "--set", "locality=tanh-linh"));

        var list = await CliRun.Invoke("runs", "list", "--db", _folder.Database);
        var show = await CliRun.Invoke("runs", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", _folder.Database, "--archive", _folder.Archive.Root);

        Assert.StartsWith($"{id}  succeeded  annual-assessment  vi  ", list.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("locality=tanh-linh", list.OutputLines[0], StringComparison.Ordinal);
        foreach (var field in new[] { "status:", "template version:", "parameters:", "data as of:", "requested by:", "queued:", "started:", "finished:", "pages:", "bytes:", "file:", "sha256:" })
        {
            Assert.Contains(show.OutputLines, l => l.StartsWith(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_request_that_cannot_be_a_report_is_refused_before_anything_is_recorded()
    {
        var run = await Run("--set", "locality=atlantis");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("atlantis", run.Error, StringComparison.Ordinal);
        Assert.Empty(_folder.Runs.List(10));
    }

    [Fact]
    public async Task Archive_verify_detects_a_changed_byte_and_a_missing_file()
    {
        var changed = await Run("--set", "year=2024", "--set", "locality=la-gi");
        var removed = await Run("--set", "year=2024", "--set", "locality=ham-thuan-bac");
        var intact = await Verify();
        Assert.Equal(0, intact.ExitCode);

        var bytes = await File.ReadAllBytesAsync(changed.OutputLines[0]);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(changed.OutputLines[0], bytes);
        File.Delete(removed.OutputLines[0]);
        var broken = await Verify();

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(broken.OutputLines, l => l.StartsWith($"changed: {changed.OutputLines[0]} (run {LastLine(changed).Id})", StringComparison.Ordinal));
        Assert.Contains(broken.OutputLines, l => l.StartsWith($"missing: {removed.OutputLines[0]} (run {LastLine(removed).Id})", StringComparison.Ordinal));
        Assert.EndsWith("2 files checked, 0 intact, 2 missing or changed", broken.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_process_was_killed_is_marked_interrupted_by_the_next_run()
    {
        using var killed = WorkerProcess.Start(_folder.Path, _folder.Database,
            new Dictionary<string, string> { ["REPORTENGINE_TEST_DELAY_BEFORE_ARCHIVE_MS"] = "600000" },
            "run", "annual-assessment", "--set", "year=2024", "--set", "locality=ham-tan");
        var running = await Poll.Until(() => _folder.Runs.List(1).FirstOrDefault(r => r.Status == RunStatus.Running), TimeSpan.FromSeconds(30), () => killed.Output);
        await killed.KillHard();

        var next = await Run("--set", "year=2024", "--set", "locality=ham-tan");

        Assert.Equal(0, next.ExitCode);
        var first = _folder.Runs.Find(running.Id)!;
        Assert.Equal(RunStatus.Interrupted, first.Status);
        Assert.Contains($"the process {running.ExecutedBy} ended before the run finished", first.Error, StringComparison.Ordinal);
        Assert.Single(_folder.Archive.Files());
        Assert.Empty(_folder.Archive.StagedRuns());
    }

    public void Dispose() => _folder.Dispose();

    private Task<CliRun> Run(params string[] arguments) =>
        CliRun.Invoke(["run", "annual-assessment", .. arguments, "--db", _folder.Database, "--archive", _folder.Archive.Root]);

    private Task<CliRun> Verify() => CliRun.Invoke("archive", "verify", "--db", _folder.Database, "--archive", _folder.Archive.Root);

    private static (long Id, string Status) LastLine(CliRun run)
    {
        var line = run.OutputLines[^1];
        Assert.StartsWith("run ", line, StringComparison.Ordinal);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return (long.Parse(line[4..colon], System.Globalization.CultureInfo.InvariantCulture), line[(colon + 2)..]);
    }
}
