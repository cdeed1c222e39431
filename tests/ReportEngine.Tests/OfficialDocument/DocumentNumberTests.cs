using System.Globalization;
using Dapper;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Numbers;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// The register of document numbers against a real SQLite file (a copy of the demo database) and a real
/// PostgreSQL cluster: concurrent runs, failed runs, reruns with and without the original number.
/// </summary>
[Collection(WorkerGroup.Name)]
public sealed class DocumentNumberTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);
    private readonly TempFolder _templates = new();

    [Fact]
    public async Task Twenty_concurrent_runs_for_one_body_get_twenty_distinct_numbers_with_no_gap()
    {
        WriteTemplate("numbered-note", "SELECT name FROM localities WHERE code = @locality");
        var ids = Enumerable.Range(0, 20).Select(_ => Queue("numbered-note", "binh-thuan")).ToList();

        // Each run on its own thread, with its own store and executor: every statement opens its own connection.
        var runs = await Task.WhenAll(ids.Select(id => Task.Run(() => Executor().ExecuteAsync(id, CancellationToken.None))));

        Assert.All(runs, run => Assert.True(run.Status == RunStatus.Succeeded, run.Error));
        var register = Register.List(year: VietnamYearNow());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), register.Select(n => n.Number).Order());
        Assert.Single(register.Select(n => n.Body).Distinct());
        Assert.All(register, n => Assert.Equal(DocumentNumberStatus.Issued, n.Status));
        Assert.Equal(ids.Order(), register.Select(n => n.RunId).Order());
        foreach (var run in runs)
        {
            var entry = register.Single(n => n.RunId == run.Id);
            Assert.Equal(entry.Text, run.DocumentNumber);
            Assert.Equal($"{entry.Number}-BC/TU", run.DocumentNumber);
            Assert.Equal(entry.IssuedOn, run.DocumentDate);
        }

        // The number printed is the run's own, in the number line the template writes.
        var sample = runs[7];
        Assert.Contains($"Số: {sample.DocumentNumber} ngày {sample.DocumentDate}", PdfText.Pages(_folder.Archive.FullPath(sample.ArchivePath!))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_fails_after_taking_a_number_leaves_it_void_and_the_next_run_takes_the_one_after()
    {
        WriteTemplate("numbered-note", "SELECT name FROM localities WHERE code = @locality");
        WriteTemplate("broken-note", "SELECT * FROM no_such_table");

        var first = await Executor().ExecuteAsync(Queue("numbered-note", "bac-binh"), CancellationToken.None);
        var failed = await Executor().ExecuteAsync(Queue("broken-note", "bac-binh"), CancellationToken.None);
        var next = await Executor().ExecuteAsync(Queue("numbered-note", "bac-binh"), CancellationToken.None);

        Assert.Equal((RunStatus.Succeeded, RunStatus.Failed, RunStatus.Succeeded), (first.Status, failed.Status, next.Status));
        var register = Register.List();
        Assert.Equal([1L, 2L, 3L], register.Select(n => n.Number));
        Assert.Equal([first.Id, failed.Id, next.Id], register.Select(n => n.RunId));
        var voided = register[1];
        Assert.Equal(DocumentNumberStatus.Void, voided.Status);
        Assert.Contains("no_such_table", voided.VoidedReason, StringComparison.Ordinal);
        Assert.NotNull(voided.VoidedAt);
        Assert.Equal([DocumentNumberStatus.Issued, DocumentNumberStatus.Issued], new[] { register[0].Status, register[2].Status });
        Assert.Equal("3-BC/HU", next.DocumentNumber);
    }

    [Fact]
    public void A_run_interrupted_after_taking_its_number_leaves_it_void_until_its_archived_pdf_is_found()
    {
        WriteTemplate("numbered-note", "SELECT name FROM localities WHERE code = @locality");
        var id = Queue("numbered-note", "tuy-phong");
        Assert.True(_folder.Runs.TryStart(id, "elsewhere:1"));
        Register.Take(new NumberRequest(new IssuingBody("tuy-phong", "HU"), "BC", id, DateTimeOffset.UtcNow));

        _folder.Runs.RecordArchiving(id, "numbered-note/2024/1-tuy-phong-vi.pdf", "00", 1, 1);
        Assert.True(_folder.Runs.Interrupt(id, "Interrupted: killed"));

        var entry = Register.ForRun(id)!;
        Assert.Equal((DocumentNumberStatus.Void, "Interrupted: killed"), (entry.Status, entry.VoidedReason));

        // Found at the next start with its PDF in the archive: the run succeeded after all, and its number stands again.
        Assert.True(_folder.Runs.CompleteArchived(id, "numbered-note/2024/1-tuy-phong-vi.pdf"));
        Assert.Equal((DocumentNumberStatus.Issued, null), (Register.ForRun(id)!.Status, Register.ForRun(id)!.VoidedReason));
    }

    [Fact]
    public async Task The_number_prints_the_committees_body_symbol_else_the_symbol_of_its_level()
    {
        WriteTemplate("numbered-note", "SELECT name FROM localities WHERE code = @locality");
        using (var connection = SqliteDatabase.Open(_folder.Database))
        {
            // body_symbol arrives with migration 0010 (the committees' document fields); before it, the level decides.
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pragma_table_info('committees') WHERE name = 'body_symbol'") == 0)
            {
                Assert.Equal(new IssuingBody("phan-thiet", "HU"), IssuingBody.Of(connection, "phan-thiet"));
                connection.Execute("ALTER TABLE committees ADD COLUMN body_symbol TEXT");
            }

            // Thành ủy Phan Thiết, a city at district level, signs "TU"; Hàm Tân keeps the empty default.
            connection.Execute("UPDATE committees SET body_symbol = 'TU' WHERE code = 'phan-thiet'");
            connection.Execute("UPDATE committees SET body_symbol = '' WHERE code = 'ham-tan'");
            connection.Execute("DELETE FROM committee_recipients WHERE committee_id = (SELECT id FROM committees WHERE code = 'tuy-phong')");
            connection.Execute("DELETE FROM committees WHERE code = 'tuy-phong'");
        }

        var city = await Executor().ExecuteAsync(Queue("numbered-note", "phan-thiet"), CancellationToken.None);
        var district = await Executor().ExecuteAsync(Queue("numbered-note", "ham-tan"), CancellationToken.None);
        var withoutCommittee = await Executor().ExecuteAsync(Queue("numbered-note", "tuy-phong"), CancellationToken.None);

        Assert.Equal(["1-BC/TU", "1-BC/HU", "1-BC/HU"], new[] { city, district, withoutCommittee }.Select(r => r.DocumentNumber));
        Assert.Equal(["ham-tan", "phan-thiet", "tuy-phong"], Register.List().Select(n => n.Body));
    }

    /// <summary>
    /// The register is per issuing body, not per committee record: two committees whose records name the same body
    /// (here the province's, written in another case and with the old "UỶ") share its numbers; another body keeps its own.
    /// </summary>
    [Fact]
    public async Task Committees_naming_the_same_issuing_body_share_one_register()
    {
        WriteTemplate("numbered-note", "SELECT name FROM localities WHERE code = @locality");
        using (var connection = SqliteDatabase.Open(_folder.Database))
        {
            connection.Execute("UPDATE committees SET issuing_body = 'TỈNH ỦY BÌNH THUẬN', body_symbol = 'TU' WHERE code = 'binh-thuan'");
            connection.Execute("UPDATE committees SET issuing_body = 'Tỉnh uỷ  Bình Thuận', body_symbol = 'TU' WHERE code = 'ham-tan'");
            connection.Execute("UPDATE committees SET issuing_body = 'HUYỆN ỦY BẮC BÌNH', body_symbol = 'HU' WHERE code = 'bac-binh'");
        }

        var province = await Executor().ExecuteAsync(Queue("numbered-note", "binh-thuan"), CancellationToken.None);
        var sameBody = await Executor().ExecuteAsync(Queue("numbered-note", "ham-tan"), CancellationToken.None);
        var otherBody = await Executor().ExecuteAsync(Queue("numbered-note", "bac-binh"), CancellationToken.None);

        Assert.Equal(["1-BC/TU", "2-BC/TU", "1-BC/HU"], new[] { province, sameBody, otherBody }.Select(r => r.DocumentNumber));
        Assert.Equal([("bac-binh", 1L), ("binh-thuan", 1L), ("binh-thuan", 2L)], Register.List().Select(n => (n.Body, n.Number)));
    }

    [Fact]
    public async Task Rerun_with_the_same_number_gives_identical_bytes_and_a_plain_rerun_takes_a_new_number()
    {
        var first = await Cli("run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy");
        Assert.True(first.ExitCode == 0, first.Error);
        var original = _folder.Runs.Find(RunId(first))!;

        var same = await Cli("runs", "rerun", Id(original.Id), "--same-number");
        var plain = await Cli("runs", "rerun", Id(original.Id));
        Assert.True(same.ExitCode == 0 && plain.ExitCode == 0, same.Error + plain.Error);
        var (reprint, renumbered) = (_folder.Runs.Find(RunId(same))!, _folder.Runs.Find(RunId(plain))!);

        Assert.Equal("1-BC/HU", original.DocumentNumber);
        Assert.Equal((original.DocumentNumber, original.DocumentDate, original.Id), (reprint.DocumentNumber, reprint.DocumentDate, reprint.ReprintsRunId));
        Assert.Equal(original.Sha256, ReportArchive.Sha256(same.OutputLines[0]));
        Assert.Equal("2-BC/HU", renumbered.DocumentNumber);
        Assert.Null(renumbered.ReprintsRunId);
        // The reprint takes nothing from the register: the original keeps number 1, the plain rerun holds 2.
        Assert.Equal([(1L, original.Id), (2L, renumbered.Id)], Register.List().Select(n => (n.Number, n.RunId)));

        var show = await Cli("runs", "show", Id(reprint.Id));
        Assert.Contains("document number:  1-BC/HU", show.OutputLines);
        Assert.Contains($"reprints run:     {original.Id}", show.OutputLines);
    }

    [Fact]
    public async Task Rerun_with_the_same_number_is_refused_when_that_number_is_void()
    {
        WriteTemplate("numbered-note", "SELECT name FROM localities WHERE code = @locality");
        var id = Queue("numbered-note", "ham-tan");
        var run = await Executor().ExecuteAsync(id, CancellationToken.None);
        Assert.True(Register.Void(run.Id, "torn in the office", DateTimeOffset.UtcNow));

        var refused = await Cli("runs", "rerun", Id(run.Id), "--same-number");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"the number {run.DocumentNumber} of run {run.Id} is void in the register (torn in the office)", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_list_prints_one_line_per_number_and_filters_by_body_and_year()
    {
        // 17:30 UTC on 31 December 2024 is already 1 January 2025 in Vietnam: the number belongs to 2025's register.
        var newYear = new DateTimeOffset(2024, 12, 31, 17, 30, 0, TimeSpan.Zero);
        var province = new IssuingBody("binh-thuan", "TU");
        var district = new IssuingBody("bac-binh", "HU");
        Register.Take(new NumberRequest(province, "BC", 101, newYear.AddHours(-1)));
        Register.Take(new NumberRequest(province, "BC", 102, newYear));
        Register.Take(new NumberRequest(district, "BC", 103, newYear));
        Register.Void(103, "the run failed:\nquery broke", newYear);

        var all = await Cli("numbers", "list");
        var byBody = await Cli("numbers", "list", "--body", "binh-thuan");
        var bySymbol = await Cli("numbers", "list", "--body", "HU");
        var byYear = await Cli("numbers", "list", "--year", "2025");

        Assert.Equal(
            [
                "1-BC/HU  void  run 103  2024-12-31T17:30:00.000Z  bac-binh  the run failed: query broke",
                "1-BC/TU  issued  run 101  2024-12-31T16:30:00.000Z  binh-thuan",
                "1-BC/TU  issued  run 102  2024-12-31T17:30:00.000Z  binh-thuan",
            ],
            all.OutputLines);
        Assert.Equal(["run 101", "run 102"], byBody.OutputLines.Select(l => l.Split("  ")[2]));
        Assert.Equal(["run 103"], bySymbol.OutputLines.Select(l => l.Split("  ")[2]));
        Assert.Equal(["run 103", "run 102"], byYear.OutputLines.Select(l => l.Split("  ")[2]));
    }

    [Fact]
    public async Task Twenty_concurrent_takers_on_PostgreSQL_get_twenty_distinct_numbers_with_no_gap()
    {
        Assert.True(PostgresCluster.IsAvailable, "PostgreSQL 15 binaries are needed (tests/run installs them)");
        using var cluster = new PostgresCluster();
        cluster.CreateDatabase("register");
        var connectionString = cluster.ConnectionString("register");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            MigrationRunner.Apply(connection);
        }

        var body = new IssuingBody("lam-dong", "TU");
        var taken = await Task.WhenAll(Enumerable.Range(1, 20).Select(runId => Task.Run(() =>
            DocumentRegister.For(connectionString).Take(new NumberRequest(body, "BC", runId, DateTimeOffset.UtcNow)))));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), taken.Select(n => n.Number).Order());
        Assert.Equal(20, taken.Select(n => n.RunId).Distinct().Count());
        // Taking again for a run that has its number returns that number: never a second one.
        var again = DocumentRegister.For(connectionString).Take(new NumberRequest(body, "BC", 5, DateTimeOffset.UtcNow));
        Assert.Equal(taken.Single(n => n.RunId == 5).Text, again.Text);
        Assert.Equal(20, DocumentRegister.For(connectionString).List("lam-dong").Count);
    }

    public void Dispose()
    {
        _templates.Dispose();
        _folder.Dispose();
    }

    private SqliteDocumentRegister Register => new(_folder.Database);

    private RunExecutor Executor() =>
        new(new ReportEngineSettings(_folder.Database, _templates.Path), _folder.Archive, new RunStore(_folder.Database, TimeProvider.System));

    private long Queue(string template, string locality) => _folder.Runs.Queue(new RunRecord
    {
        Template = template,
        Language = "vi",
        Parameters = $$"""{"locality":"{{locality}}"}""",
        Trigger = RunTrigger.CommandLine,
        RequestedBy = "test",
        Status = RunStatus.Queued,
        QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
    });

    private Task<CliRun> Cli(params string[] arguments) =>
        CliRun.Invoke([.. arguments, "--db", _folder.Database, "--archive", _folder.Archive.Root]);

    private static long RunId(CliRun run) =>
        long.Parse(run.OutputLines[^1].Split(' ', ':')[1], CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static long VietnamYearNow() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NumberRequest.Vietnam).Year;

    /// <summary>A small document template whose only page prints its number line; its one query is the given SQL.</summary>
    private void WriteTemplate(string name, string sql)
    {
        var folder = Path.Combine(_templates.Path, name);
        Directory.CreateDirectory(Path.Combine(folder, "queries"));
        Directory.CreateDirectory(Path.Combine(_templates.Path, "_shared"));
        File.WriteAllText(Path.Combine(folder, "queries", "note.sql"), sql);
        File.WriteAllText(Path.Combine(folder, "template.yaml"), $$$"""
            name: {{{name}}}
            description: A numbered note
            title: title
            document: { type: BC }
            parameters:
              locality: { type: locality, default: binh-thuan }
              as_of: { type: date, default: "2024-08-31" }
            queries:
              note: { file: queries/note.sql }
            layout:
              - type: paragraph
                text: "{{ t.number }}: {{ p.document_number }} ngày {{ p.document_date }}"
            """);
        File.WriteAllText(Path.Combine(folder, "strings.vi.yaml"), "title: Thông báo\nnumber: Số\npage: Trang\n");
    }
}
