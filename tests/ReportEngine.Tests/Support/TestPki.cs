using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ReportEngine.Tests.Support;

/// <summary>
/// A throwaway certificate authority made in the test: a CA, a signer's PKCS#12 with its password in a file,
/// a timestamp authority's certificate, the CA as PEM (the trust store) and an NSS database holding it for pdfsig.
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string Password = "correct horse battery staple";
    private readonly TempFolder folder = new();

    public TestPki(string signerName = "Nguyễn Văn An")
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(3072);
        var caRequest = new CertificateRequest("CN=ReportEngine Test CA, O=Tỉnh ủy Test", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));

        Signer = Issue($"CN={signerName}, O=Tỉnh ủy Test", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, null, 2);
        Timestamper = Issue("CN=ReportEngine Test TSA", X509KeyUsageFlags.DigitalSignature,
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true), 3);

        CertificatePath = folder.File("signer.p12");
        var bundle = new X509Certificate2Collection { Signer, Ca };
        File.WriteAllBytes(CertificatePath, bundle.Export(X509ContentType.Pkcs12, Password)!);
        PasswordFile = folder.File("signer.password");
        File.WriteAllText(PasswordFile, Password + "\n");
        CaPem = folder.File("ca.pem");
        File.WriteAllText(CaPem, Ca.ExportCertificatePem() + "\n");
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Signer { get; }

    public X509Certificate2 Timestamper { get; }

    public string CertificatePath { get; }

    public string PasswordFile { get; }

    public string CaPem { get; }

    public string Folder => folder.Path;

    /// <summary>The settings that turn signing on (and name the trust store), as environment variables.</summary>
    public Dictionary<string, string> SigningEnvironment(string? timestampUrl = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Signing__CertificatePath"] = CertificatePath,
            ["Signing__PasswordFile"] = PasswordFile,
            ["Signing__TrustStorePath"] = CaPem,
        };
        if (timestampUrl is not null)
        {
            environment["Signing__TimestampUrl"] = timestampUrl;
        }

        return environment;
    }

    /// <summary>An NSS database (sql:DIR) holding the test CA as trusted, made with certutil from libnss3-tools.</summary>
    public string NssDatabase()
    {
        var directory = folder.File("nss");
        Directory.CreateDirectory(directory);
        Tool.Run("certutil", "-N", "-d", "sql:" + directory, "--empty-password");
        Tool.Run("certutil", "-A", "-n", "ca", "-t", "CT,C,C", "-i", CaPem, "-d", "sql:" + directory);
        return "sql:" + directory;
    }

    private X509Certificate2 Issue(string subject, X509KeyUsageFlags usage, X509Extension? extendedUsage, byte serial)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        if (extendedUsage is not null)
        {
            request.CertificateExtensions.Add(extendedUsage);
        }

        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Ca, now.AddHours(-1), now.AddYears(2), [serial, 0x2A, 0x17]);
        return issued.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Signer.Dispose();
        Timestamper.Dispose();
        folder.Dispose();
    }
}

/// <summary>Runs a command-line tool and returns what it printed (stdout and stderr), with its exit code.</summary>
public static class Tool
{
    public static (int ExitCode, string Output) Run(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
