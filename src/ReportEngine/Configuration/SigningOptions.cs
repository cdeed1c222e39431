using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>
/// Signing: when CertificatePath names a PKCS#12 file, every archived PDF is signed (PAdES) with its key;
/// TrustStorePath is what `archive verify` checks signatures' certificate chains against.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>A PKCS#12 (.p12/.pfx) file with the signer's certificate, its private key and, optionally, its CA chain.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>A file whose content (trailing newline ignored) is the PKCS#12 password; kept out of appsettings.json.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>An RFC 3161 timestamp server (http or https); none means signatures carry no timestamp.</summary>
    public string? TimestampUrl { get; set; }

    /// <summary>A PEM bundle, or a folder of .pem/.crt/.cer files, of the CA certificates `archive verify` trusts.</summary>
    public string? TrustStorePath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The signer's certificate with its key, and the other certificates of the file (its chain).</summary>
    internal (X509Certificate2 Certificate, X509Certificate2Collection Chain) LoadCertificate()
    {
        string password;
        try
        {
            password = File.ReadAllText(PasswordFile!).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportEngineException($"The file named by the setting {Section}:PasswordFile (\"{PasswordFile}\") cannot be read: {e.Message}", e);
        }

        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(CertificatePath!, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ReportEngineException(
                $"The file named by the setting {Section}:CertificatePath (\"{CertificatePath}\") cannot be read as PKCS#12 with the password in {Section}:PasswordFile: {e.Message}", e);
        }

        var certificate = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new ReportEngineException($"The PKCS#12 file named by the setting {Section}:CertificatePath (\"{CertificatePath}\") holds no private key.");
        var chain = new X509Certificate2Collection();
        chain.AddRange(all.Where(c => c != certificate).ToArray());
        return (certificate, chain);
    }
}

/// <summary>Checks at start that the certificate opens with its password, so a bad setting fails now, not at the first run.</summary>
internal sealed class SigningOptionsValidator : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(options.TimestampUrl)
                && !(Uri.TryCreate(options.TimestampUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                return ValidateOptionsResult.Fail($"The setting {SigningOptions.Section}:TimestampUrl (\"{options.TimestampUrl}\") must be an http or https URL.");
            }

            if (!string.IsNullOrWhiteSpace(options.TrustStorePath) && !File.Exists(options.TrustStorePath) && !Directory.Exists(options.TrustStorePath))
            {
                return ValidateOptionsResult.Fail($"The setting {SigningOptions.Section}:TrustStorePath (\"{options.TrustStorePath}\") names no file or folder.");
            }

            if (!options.Enabled)
            {
                return ValidateOptionsResult.Success;
            }

            if (string.IsNullOrWhiteSpace(options.PasswordFile))
            {
                return ValidateOptionsResult.Fail($"The setting {SigningOptions.Section}:CertificatePath is set, so {SigningOptions.Section}:PasswordFile must name the file holding its password; it is empty.");
            }

            options.LoadCertificate();
            return ValidateOptionsResult.Success;
        }
        catch (ReportEngineException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
