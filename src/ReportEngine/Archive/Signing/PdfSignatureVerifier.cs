using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Archive.Signing;

/// <summary>
/// Checks a PDF's signature as `archive verify` reports it: the /ByteRange must cover the whole file except the
/// /Contents hex (an update appended after signing makes the file invalid: "modified after signing"); the CMS
/// signature must match those bytes and carry signing-certificate-v2 naming the signer's certificate; the
/// signer's certificate (and the timestamp authority's, for a timestamp) must chain to a certificate of the
/// trust store. Offline: no revocation check (CRL or OCSP), no network.
/// </summary>
internal static partial class PdfSignatureVerifier
{
    public static SignatureCheck Verify(string path, X509Certificate2Collection? trustStore)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes);
        var ranges = ByteRangePattern().Matches(text);
        if (ranges.Count == 0)
        {
            return new SignatureCheck(SignatureStatus.Unsigned, "no signature");
        }

        // The file's signature is the last one written; a later update after it means the file changed after signing.
        var match = ranges[^1];
        var range = Enumerable.Range(1, 4).Select(g => long.Parse(match.Groups[g].Value, CultureInfo.InvariantCulture)).ToArray();
        if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[2] + range[3] > bytes.Length
            || bytes[range[1]] != '<' || bytes[range[2] - 1] != '>')
        {
            return Invalid("its /ByteRange does not frame the /Contents");
        }

        if (range[2] + range[3] != bytes.Length)
        {
            return Invalid("signed, modified after signing (bytes were appended after the signed range)");
        }

        byte[] contents;
        try
        {
            contents = Convert.FromHexString(text.AsSpan((int)range[1] + 1, (int)(range[2] - range[1] - 2)));
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length);
            contents = contents[..length];
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Invalid("its /Contents is not a signature");
        }

        var signed = new byte[range[1] + range[3]];
        bytes.AsSpan(0, (int)range[1]).CopyTo(signed);
        bytes.AsSpan((int)range[2], (int)range[3]).CopyTo(signed.AsSpan((int)range[1]));
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(contents);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return Invalid($"the signature does not match the file ({e.Message.TrimEnd('.')})");
        }

        var signer = cms.SignerInfos[0];
        var certificate = signer.Certificate!;
        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var essCertificate = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == CadesSigner.SigningCertificateV2Oid);
        if (essCertificate is null || !essCertificate.Values[0].RawData.AsSpan().SequenceEqual(CadesSigner.SigningCertificateV2(certificate)))
        {
            return Invalid($"signed by {name}, but without a signing-certificate-v2 attribute naming that certificate");
        }

        var signedAt = (DateTimeOffset?)null;
        var timestampAttribute = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == CadesSigner.SignatureTimeStampTokenOid);
        if (timestampAttribute is not null)
        {
            if (!Rfc3161TimestampToken.TryDecode(timestampAttribute.Values[0].RawData, out var token, out _)
                || !token.VerifySignatureForSignerInfo(signer, out var authority, cms.Certificates))
            {
                return Invalid($"signed by {name}, but its timestamp does not match the signature");
            }

            if (ChainProblem(authority!, token.AsSignedCms().Certificates, trustStore, token.TokenInfo.Timestamp) is { } tsaProblem)
            {
                return Invalid($"signed by {name}, timestamp authority {authority!.GetNameInfo(X509NameType.SimpleName, false)}: {tsaProblem}");
            }

            signedAt = token.TokenInfo.Timestamp;
        }

        if (ChainProblem(certificate, cms.Certificates, trustStore, signedAt) is { } problem)
        {
            return Invalid($"signed by {name}: {problem}");
        }

        var when = signedAt is { } t ? string.Create(CultureInfo.InvariantCulture, $", timestamp {t.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z") : ", no timestamp";
        return new SignatureCheck(SignatureStatus.Valid, $"signed by {name}{when}, whole file covered");

        static SignatureCheck Invalid(string reason) => new(SignatureStatus.Invalid, reason);
    }

    /// <summary>Builds the chain against the trust store only (not the machine's roots), offline; null when it holds.</summary>
    private static string? ChainProblem(X509Certificate2 certificate, X509Certificate2Collection extra, X509Certificate2Collection? trustStore, DateTimeOffset? at)
    {
        if (trustStore is null || trustStore.Count == 0)
        {
            return "the certificate chain cannot be checked: Signing:TrustStorePath is not set";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustStore);
        chain.ChainPolicy.ExtraStore.AddRange(extra);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (at is { } time)
        {
            chain.ChainPolicy.VerificationTime = time.UtcDateTime;
        }

        return chain.Build(certificate)
            ? null
            : "its certificate does not chain to the trust store (" +
              string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Distinct()) + ")";
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();
}

internal enum SignatureStatus
{
    Unsigned,
    Invalid,
    Valid,
}

internal sealed record SignatureCheck(SignatureStatus Status, string Detail);

/// <summary>The trust store: a PEM bundle of CA certificates, or a folder of .pem/.crt/.cer files.</summary>
internal static class TrustStore
{
    public static X509Certificate2Collection Load(string path)
    {
        var store = new X509Certificate2Collection();
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".crt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".cer", StringComparison.OrdinalIgnoreCase))
            : [path];
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                store.ImportFromPem(text);
            }
            else
            {
                store.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            }
        }

        return store;
    }
}
