using System.CommandLine;
using ReportEngine.Archive.Signing;
using ReportEngine.Runs;

namespace ReportEngine.Cli;

/// <summary>archive verify: re-hashes every archived PDF; exit code 1 when one is missing or changed, or a file is recorded by no run.</summary>
public static class ArchiveCommand
{
    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Re-hash every archived PDF against the SHA-256 its run recorded; exit 1 if one is missing or changed, a file is recorded by no run, or a signature is invalid.");
        verify.SetAction(parse =>
        {
            var settings = context.Settings(parse);
            var archive = context.ReportArchive(parse);
            var report = new ArchiveVerifier(archive, context.Runs(settings, mustExist: true), SigningSetup.TrustStore(settings.Signing)).Verify();
            foreach (var problem in report.Problems)
            {
                context.Output.WriteLine(problem.Kind == ArchiveProblemKind.Missing
                    ? $"missing: {archive.FullPath(problem.Path)} (run {problem.RunId})"
                    : $"changed: {archive.FullPath(problem.Path)} (run {problem.RunId}): recorded sha256 {problem.ExpectedSha256}, now {problem.ActualSha256}");
            }

            foreach (var file in report.Unrecorded)
            {
                context.Output.WriteLine($"not recorded by any run: {archive.FullPath(file)}");
            }

            // Signatures, grouped: unsigned, then invalid (with why), then valid.
            foreach (var status in new[] { SignatureStatus.Unsigned, SignatureStatus.Invalid, SignatureStatus.Valid })
            {
                foreach (var file in report.Signatures.Where(s => s.Check.Status == status))
                {
                    context.Output.WriteLine(status switch
                    {
                        SignatureStatus.Unsigned => $"unsigned: {archive.FullPath(file.Path)}",
                        SignatureStatus.Invalid => $"invalid signature: {archive.FullPath(file.Path)}: {file.Check.Detail}",
                        _ => $"valid signature: {archive.FullPath(file.Path)}: {file.Check.Detail}",
                    });
                }
            }

            // The archive's summary stays the last line, as scripts read it.
            int Count(SignatureStatus status) => report.Signatures.Count(s => s.Check.Status == status);
            context.Output.WriteLine($"signatures: {Count(SignatureStatus.Valid)} valid, {Count(SignatureStatus.Invalid)} invalid, {Count(SignatureStatus.Unsigned)} unsigned" +
                " (chains checked against Signing:TrustStorePath, offline: revocation is not checked)");
            var intact = report.Checked - report.Problems.Count;
            var strays = report.Unrecorded.Count == 0 ? "" : $", {report.Unrecorded.Count} not recorded by any run";
            context.Output.WriteLine($"archive {archive.Root}: {report.Checked} files checked, {intact} intact, {report.Problems.Count} missing or changed{strays}");
            return report.IsIntact ? 0 : CommandLineApplication.UserError;
        });
        return new Command("archive", "The archive of every PDF a run produced.") { verify };
    }
}
