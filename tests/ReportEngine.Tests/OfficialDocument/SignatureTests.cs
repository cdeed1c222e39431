using System.Formats.Asn1;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using ReportEngine.Archive.Signing;
using ReportEngine.Tests.Support;
using SkiaSharp;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>The demo database for the signature tests, copied afresh for each test.</summary>
public sealed class SignatureFixture : DemoDatabaseCopies;

/// <summary>
/// Digital signatures (issue 14, point 3): with Signing:* set, every archived PDF is signed (PAdES, CAdES-detached,
/// an incremental update); poppler's pdfsig, with an NSS database holding the test CA, and `archive verify`
/// (with the CA as the trust store) accept it, and reject it after one flipped byte.
/// </summary>
public sealed partial class SignatureTests(SignatureFixture demo) : IClassFixture<SignatureFixture>, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TestPki pki = new();

    private string Archive => Path.Combine(folder.Path, "archive");

    [Fact]
    public async Task A_signed_archived_report_is_valid_for_pdfsig_and_for_archive_verify()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment());

        var pdfsig = Tool.Run("pdfsig", "-nssdir", pki.NssDatabase(), pdf);
        Assert.Contains("Signature is Valid.", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Certificate is Trusted.", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("ETSI.CAdES.detached", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", pdfsig.Output, StringComparison.Ordinal);

        // The signature is an incremental update: the rendered file is still there, byte for byte, at the start.
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal(2 + OutlineUpdates(bytes), Regex.Count(Encoding.Latin1.GetString(bytes), "%%EOF"));

        var verify = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains($"valid signature: {pdf}: signed by Nguyễn Văn An, no timestamp, whole file covered", verify.Output, StringComparison.Ordinal);
        Assert.Contains("signatures: 1 valid, 0 invalid, 0 unsigned", verify.Output, StringComparison.Ordinal);
        // The recorded hash is of the signed file.
        Assert.Contains("1 files checked, 1 intact", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_flipped_byte_makes_pdfsig_and_archive_verify_fail()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment());
        Flip(pdf, 10); // the binary comment after the header: inside the first signed range, and the file still parses

        var pdfsig = Tool.Run("pdfsig", "-nssdir", pki.NssDatabase(), pdf);
        Assert.DoesNotContain("Signature is Valid.", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Digest Mismatch", pdfsig.Output, StringComparison.Ordinal);

        var verify = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"invalid signature: {pdf}: the signature does not match the file", verify.Output, StringComparison.Ordinal);
        Assert.Contains("signatures: 0 valid, 1 invalid, 0 unsigned", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_verify_lists_unsigned_invalid_and_valid_files_separately_and_exits_1_on_invalid()
    {
        var database = demo.CopyInto(folder.Path);
        var unsigned = await Run(database, new Dictionary<string, string>(), locality: "phan-thiet");
        var valid = await Run(database, pki.SigningEnvironment(), locality: "binh-thuan");
        var appended = await Run(database, pki.SigningEnvironment(), locality: "phu-quy");

        // Only signed files, checked against the trust store: with every file valid or unsigned, verify passes.
        var before = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.True(before.ExitCode == 0, before.Output + before.Error);
        Assert.Contains("signatures: 2 valid, 0 invalid, 1 unsigned", before.Output, StringComparison.Ordinal);

        // An update appended after signing (a later revision the signature does not cover).
        await File.AppendAllTextAsync(appended, "\n% a later revision\n%%EOF\n");
        var after = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.Equal(1, after.ExitCode);
        var lines = after.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"unsigned: {unsigned}", lines);
        Assert.Contains(lines, l => l.StartsWith($"invalid signature: {appended}: signed, modified after signing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"valid signature: {valid}: signed by Nguyễn Văn An", StringComparison.Ordinal));
        Assert.Contains("signatures: 1 valid, 1 invalid, 1 unsigned", after.Output, StringComparison.Ordinal);
        // Grouped: every unsigned line, then every invalid one, then every valid one.
        var order = lines.Where(l => l.StartsWith("unsigned:", StringComparison.Ordinal) || l.Contains(" signature: ", StringComparison.Ordinal))
            .Select(l => l.Split(':')[0]).ToList();
        Assert.Equal(["unsigned", "invalid signature", "valid signature"], order);
    }

    [Fact]
    public async Task Without_a_trust_store_a_signature_cannot_be_valid()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment());
        var environment = pki.SigningEnvironment();
        environment.Remove("Signing__TrustStorePath");
        var verify = await CliProcess.Run(folder.Path, environment, null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"invalid signature: {pdf}: signed by Nguyễn Văn An: the certificate chain cannot be checked: Signing:TrustStorePath is not set", verify.Output, StringComparison.Ordinal);

        // Another CA as the trust store: the chain does not hold.
        using var stranger = new TestPki("Someone Else");
        environment["Signing__TrustStorePath"] = stranger.CaPem;
        var foreign = await CliProcess.Run(folder.Path, environment, null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.Equal(1, foreign.ExitCode);
        Assert.Contains("does not chain to the trust store", foreign.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_from_the_loopback_responder_is_embedded_and_verified()
    {
        using var responder = new TimestampResponder(pki.Timestamper);
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment(responder.Url));
        Assert.Equal(1, responder.Served);

        // The token is the unsigned attribute id-aa-signatureTimeStampToken of the SignerInfo, and stamps its signature value.
        var signer = SignerInfo(pdf);
        var attribute = Assert.Single(signer.UnsignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>(),
            a => a.Oid.Value == "1.2.840.113549.1.9.16.2.14");
        Assert.True(Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _));
        Assert.True(token!.VerifySignatureForSignerInfo(signer, out var authority));
        Assert.Equal(pki.Timestamper.Thumbprint, authority!.Thumbprint);

        var verify = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Matches($"valid signature: {Regex.Escape(pdf)}: signed by Nguyễn Văn An, timestamp \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ, whole file covered", verify.Output);

        var pdfsig = Tool.Run("pdfsig", "-nssdir", pki.NssDatabase(), pdf);
        Assert.Contains("Signature is Valid.", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", pdfsig.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_signs_the_reports_it_archives()
    {
        var database = demo.CopyInto(folder.Path);
        var environment = pki.SigningEnvironment();
        environment["Archive__Path"] = Archive;
        using var worker = WorkerProcess.Start(folder.Path, database, environment);
        var runs = new ReportEngine.Runs.RunStore(database, TimeProvider.System);
        await Poll.Until(() => runs.LiveWorkers(TimeSpan.FromSeconds(15)).Count > 0, TimeSpan.FromSeconds(60), () => worker.Output);

        // `run` without the signing settings: the serving worker renders, signs and archives it.
        var pdf = await Run(database, new Dictionary<string, string>());
        await worker.Terminate(TimeSpan.FromSeconds(30));
        var verify = await CliProcess.Run(folder.Path, pki.SigningEnvironment(), null, "archive", "verify", "--db", database, "--archive", Archive);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains($"valid signature: {pdf}: signed by Nguyễn Văn An", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_timestamp_server_fails_the_run_and_archives_nothing()
    {
        var database = demo.CopyInto(folder.Path);
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var run = await CliProcess.Run(folder.Path, pki.SigningEnvironment($"http://127.0.0.1:{port}/tsa"), null, "run", "annual-assessment",
            "--set", "year=2024", "--set", "locality=phu-quy", "--db", database, "--archive", Archive);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Signing:TimestampUrl", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Archive) && Directory.EnumerateFiles(Archive, "*.pdf", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_signature_has_the_signing_certificate_v2_attribute_and_no_signing_time()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment());
        var signer = SignerInfo(pdf);
        var attributes = signer.SignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        Assert.Contains("1.2.840.113549.1.9.16.2.47", attributes);
        Assert.DoesNotContain("1.2.840.113549.1.9.5", attributes); // PAdES: the time is /M, not signing-time
        Assert.Equal(pki.Signer.Thumbprint, signer.Certificate!.Thumbprint);
    }

    [Fact]
    public async Task A_missing_certificate_or_password_file_or_a_wrong_password_is_one_error_line()
    {
        var database = demo.CopyInto(folder.Path);
        var missing = pki.SigningEnvironment();
        missing["Signing__CertificatePath"] = folder.File("absent.p12");
        var noCertificate = await CliProcess.Run(folder.Path, missing, null, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy", "--db", database, "--archive", Archive);
        noCertificate.AssertOneErrorLine();
        Assert.Contains("Signing:CertificatePath", noCertificate.Error, StringComparison.Ordinal);

        var noPassword = pki.SigningEnvironment();
        noPassword["Signing__PasswordFile"] = folder.File("absent.password");
        var withoutPassword = await CliProcess.Run(folder.Path, noPassword, null, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy", "--db", database, "--archive", Archive);
        withoutPassword.AssertOneErrorLine();
        Assert.Contains("Signing:PasswordFile", withoutPassword.Error, StringComparison.Ordinal);

        var wrong = pki.SigningEnvironment();
        var wrongFile = folder.File("wrong.password");
        await File.WriteAllTextAsync(wrongFile, "not it");
        wrong["Signing__PasswordFile"] = wrongFile;
        var wrongPassword = await CliProcess.Run(folder.Path, wrong, null, "run", "annual-assessment", "--set", "year=2024", "--set", "locality=phu-quy", "--db", database, "--archive", Archive);
        wrongPassword.AssertOneErrorLine();
        Assert.Contains("cannot be read as PKCS#12", wrongPassword.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Archive) && Directory.EnumerateFiles(Archive, "*.pdf", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task The_signature_box_is_drawn_at_the_signature_location_and_invisible_without_one()
    {
        // A page with the named location "signature" (destination loc-signature) at (320, 600) from the top.
        var located = folder.File("located.pdf");
        var plain = folder.File("plain.pdf");
        WritePage(located, withLocation: true);
        WritePage(plain, withLocation: false);
        var (certificate, chain) = new ReportEngine.Configuration.SigningOptions { CertificatePath = pki.CertificatePath, PasswordFile = pki.PasswordFile }.LoadCertificate();
        var signer = new PdfSigner(new CadesSigner(certificate, chain, null), TimeProvider.System);

        var visible = await signer.SignAsync(located, CancellationToken.None);
        var invisible = await signer.SignAsync(plain, CancellationToken.None);
        Assert.True(visible.Visible);
        Assert.False(invisible.Visible);

        using (var document = UglyToad.PdfPig.PdfDocument.Open(located))
        {
            var widget = Assert.Single(document.GetPage(1).GetAnnotations(), a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget);
            Assert.Equal(320, widget.Rectangle.Left, 0.5);
            Assert.Equal(841.89 - 600, widget.Rectangle.Top, 0.5);
            Assert.Equal(SignatureAppearance.Width, widget.Rectangle.Width, 0.5);
        }

        using (var document = UglyToad.PdfPig.PdfDocument.Open(plain))
        {
            var widget = Assert.Single(document.GetPage(1).GetAnnotations(), a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget);
            Assert.Equal(0, widget.Rectangle.Width);
        }

        // The box's text is drawn (as outlines) inside it: dark pixels there, none there on the unsigned page.
        Assert.True(DarkPixels(located, 320, 600, 200, 44) > 200);
        Assert.Equal(0, DarkPixels(plain, 320, 600, 200, 44));
        var nss = pki.NssDatabase();
        Assert.Contains("Signature is Valid.", Tool.Run("pdfsig", "-nssdir", nss, located).Output, StringComparison.Ordinal);
        Assert.Contains("Signature is Valid.", Tool.Run("pdfsig", "-nssdir", nss, plain).Output, StringComparison.Ordinal);
    }

    private static void WritePage(string path, bool withLocation)
    {
        using (var stream = File.Create(path))
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Creation = new DateTime(2024, 9, 5), Modified = new DateTime(2024, 9, 5) }))
        {
            var canvas = document.BeginPage(595.28f, 841.89f);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(72, 72, 100, 20, paint);
            if (withLocation)
            {
                canvas.DrawNamedDestinationAnnotation(new SKPoint(320, 600), "loc-signature");
            }

            document.EndPage();
            document.Close();
        }
    }

    /// <summary>Dark pixels in a rectangle (top-left origin, points) of page 1 rendered at 72 dpi by pdftoppm.</summary>
    private int DarkPixels(string pdf, int left, int top, int width, int height)
    {
        var prefix = folder.File(Path.GetFileNameWithoutExtension(pdf));
        var (code, output) = Tool.Run("pdftoppm", "-r", "72", "-png", "-singlefile", pdf, prefix);
        Assert.True(code == 0, output);
        using var bitmap = SKBitmap.Decode(prefix + ".png");
        var dark = 0;
        for (var y = top + 2; y < top + height - 2; y++)
        {
            for (var x = left + 2; x < left + width - 2; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                dark += pixel.Red + pixel.Green + pixel.Blue < 450 ? 1 : 0;
            }
        }

        return dark;
    }

    private async Task<string> Run(string database, Dictionary<string, string> environment, string locality = "binh-thuan")
    {
        var run = await CliProcess.Run(folder.Path, environment, null, "run", "annual-assessment", "--set", "year=2024",
            "--set", $"locality={locality}", "--lang", "vi", "--db", database, "--archive", Archive);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^run \d+: succeeded$", lines[^1]);
        return lines.Single(l => l.EndsWith(".pdf", StringComparison.Ordinal));
    }

    private static void Flip(string file, int at)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[at] ^= 0x01;
        File.WriteAllBytes(file, bytes);
    }

    /// <summary>The SignerInfo of the file's signature, read straight from its /Contents.</summary>
    private static SignerInfo SignerInfo(string pdf)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        var contents = Convert.FromHexString(ContentsPattern().Match(text).Groups[1].Value);
        AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length);
        var cms = new SignedCms();
        cms.Decode(contents.AsSpan(0, length));
        return cms.SignerInfos[0];
    }

    /// <summary>How many incremental updates the layout engine appended before signing (its outline): 0 or 1.</summary>
    private static int OutlineUpdates(byte[] bytes) => Encoding.Latin1.GetString(bytes).Contains("/Outlines", StringComparison.Ordinal) ? 1 : 0;

    [GeneratedRegex("/Contents <([0-9A-Fa-f]+)>")]
    private static partial Regex ContentsPattern();

    public void Dispose()
    {
        pki.Dispose();
        folder.Dispose();
    }
}
