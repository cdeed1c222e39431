using System.Formats.Asn1;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ReportEngine.Archive.Signing;

/// <summary>
/// Makes the CAdES-detached signature a PAdES signature holds: a CMS SignedData over the signed byte ranges,
/// SHA-256, with the signing-certificate-v2 attribute (which binds the signer's certificate to the signature)
/// and no signing-time (PAdES puts the time in the signature dictionary's /M), optionally with an RFC 3161
/// timestamp of the signature value as the unsigned attribute id-aa-signatureTimeStampToken.
/// </summary>
internal sealed class CadesSigner(X509Certificate2 certificate, X509Certificate2Collection chain, Uri? timestampUrl)
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    public const string SignatureTimeStampTokenOid = "1.2.840.113549.1.9.16.2.14";

    public X509Certificate2 Certificate => certificate;

    public async Task<byte[]> SignAsync(byte[] signedBytes, CancellationToken cancellation)
    {
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain);
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);

        if (timestampUrl is not null)
        {
            var signerInfo = cms.SignerInfos[0];
            var token = await Timestamp(signerInfo.GetSignature(), cancellation);
            signerInfo.AddUnsignedAttribute(new AsnEncodedData(SignatureTimeStampTokenOid, token.AsSignedCms().Encode()));
        }

        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), SHA-256 being the default hash.</summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }

        return writer.Encode();
    }

    private async Task<Rfc3161TimestampToken> Timestamp(byte[] signatureValue, CancellationToken cancellation)
    {
        var request = Rfc3161TimestampRequest.CreateFromData(signatureValue, HashAlgorithmName.SHA256,
            nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var body = new ByteArrayContent(request.Encode());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        byte[] response;
        try
        {
            using var reply = await http.PostAsync(timestampUrl, body, cancellation);
            if (!reply.IsSuccessStatusCode)
            {
                throw new ReportEngineException($"The timestamp server {timestampUrl} (Signing:TimestampUrl) answered {(int)reply.StatusCode} {reply.ReasonPhrase}.");
            }

            response = await reply.Content.ReadAsByteArrayAsync(cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new ReportEngineException($"The timestamp server {timestampUrl} (Signing:TimestampUrl) could not be reached: {e.Message}", e);
        }

        try
        {
            return request.ProcessResponse(response, out _);
        }
        catch (CryptographicException e)
        {
            throw new ReportEngineException($"The timestamp server {timestampUrl} (Signing:TimestampUrl) sent no usable timestamp: {e.Message}", e);
        }
    }
}
