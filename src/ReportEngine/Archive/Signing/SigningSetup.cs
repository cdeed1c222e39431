using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ReportEngine.Configuration;

namespace ReportEngine.Archive.Signing;

/// <summary>The signer and the trust store the Signing settings name: settings say where, signing says how.</summary>
internal static class SigningSetup
{
    public static CadesSigner Signer(SigningOptions options)
    {
        var (certificate, chain) = options.LoadCertificate();
        return new CadesSigner(certificate, chain, string.IsNullOrWhiteSpace(options.TimestampUrl) ? null : new Uri(options.TimestampUrl));
    }

    /// <summary>The trust store's certificates, or null when TrustStorePath is not set.</summary>
    public static X509Certificate2Collection? TrustStore(SigningOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TrustStorePath))
        {
            return null;
        }

        try
        {
            return Signing.TrustStore.Load(options.TrustStorePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ReportEngineException($"The trust store named by the setting {SigningOptions.Section}:TrustStorePath (\"{options.TrustStorePath}\") cannot be read: {e.Message}", e);
        }
    }
}
