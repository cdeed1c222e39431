using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Archive;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// `runs rerun --same-number` of a signed report reproduces the original bytes (issue 14, point 2): the reprint carries
/// the original's signature update (its /M, its timestamp token), never a new signature, and fails when that
/// signature no longer covers the re-rendered document.
/// </summary>
public sealed partial class SignatureTests
{
    [Fact]
    public async Task A_same_number_rerun_of_a_signed_report_has_the_original_sha256_and_signature()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment(), locality: "phu-quy");
        var runs = new RunStore(database, TimeProvider.System);
        var original = runs.Find(await RunIdOf(database, pdf))!;
        Assert.NotNull(original.SignatureUpdate);

        // A second later: a new signature would carry another /M; the reprint must not.
        await Task.Delay(1100);
        var reprint = await Rerun(database, original.Id, pki.SigningEnvironment());
        Assert.Equal(original.Sha256, ReportArchive.Sha256(reprint));
        Assert.Equal(await File.ReadAllBytesAsync(pdf), await File.ReadAllBytesAsync(reprint));
        Assert.Contains("Signature is Valid.", Tool.Run("pdfsig", "-nssdir", pki.NssDatabase(), reprint).Output, StringComparison.Ordinal);

        var show = await CliProcess.Run(folder.Path, "runs", "show", original.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database, "--archive", Archive);
        Assert.Contains("signed:           yes (the signature is kept on the run for --same-number reprints)", show.Output, StringComparison.Ordinal);

        // Without the signing settings the reprint is still the signed original: no key is needed to carry it.
        var keyless = await Rerun(database, original.Id, new Dictionary<string, string>());
        Assert.Equal(original.Sha256, ReportArchive.Sha256(keyless));
    }

    [Fact]
    public async Task A_same_number_rerun_of_a_report_signed_before_runs_kept_their_signature_takes_it_from_the_archived_file()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment(), locality: "phu-quy");
        var id = await RunIdOf(database, pdf);
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Execute("UPDATE runs SET signature_update = NULL WHERE id = @id", new { id });
        }

        var reprint = await Rerun(database, id, new Dictionary<string, string>());
        Assert.Equal(ReportArchive.Sha256(pdf), ReportArchive.Sha256(reprint));
    }

    [Fact]
    public async Task A_same_number_rerun_of_a_timestamped_report_reuses_the_token_and_asks_no_new_one()
    {
        using var responder = new TimestampResponder(pki.Timestamper);
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment(responder.Url), locality: "phu-quy");
        var original = new RunStore(database, TimeProvider.System).Find(await RunIdOf(database, pdf))!;

        await Task.Delay(1100);
        var reprint = await Rerun(database, original.Id, pki.SigningEnvironment(responder.Url));
        Assert.Equal(1, responder.Served);
        Assert.Equal(original.Sha256, ReportArchive.Sha256(reprint));
    }

    [Fact]
    public async Task A_same_number_rerun_the_original_signature_no_longer_covers_fails_and_archives_nothing_new()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment(), locality: "phu-quy");
        var id = await RunIdOf(database, pdf);
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            // The signer changed since: the same number and signature cannot be put on a different page.
            connection.Execute("UPDATE committees SET signer_name = 'Someone Else' WHERE code = 'phu-quy'");
        }

        var before = Directory.EnumerateFiles(Archive, "*.pdf", SearchOption.AllDirectories).Count();
        var rerun = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "runs", "rerun", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--same-number", "--db", database, "--archive", Archive);
        Assert.Equal(1, rerun.ExitCode);
        Assert.Contains($"the re-rendered report is not the document run {id} signed", rerun.Output + rerun.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(Archive, "*.pdf", SearchOption.AllDirectories).Count());
    }

    private async Task<string> Rerun(string database, long id, Dictionary<string, string> environment)
    {
        var rerun = await CliProcess.Run(folder.Path, environment, null, "runs", "rerun", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--same-number", "--db", database, "--archive", Archive);
        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        return rerun.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.EndsWith(".pdf", StringComparison.Ordinal));
    }

    /// <summary>The run that archived the file.</summary>
    private static async Task<long> RunIdOf(string database, string pdf)
    {
        var sha = ReportArchive.Sha256(pdf);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM runs WHERE sha256 = @sha ORDER BY id LIMIT 1", new { sha });
    }
}
