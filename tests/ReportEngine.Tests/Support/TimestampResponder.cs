using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ReportEngine.Archive.Signing;

namespace ReportEngine.Tests.Support;

/// <summary>
/// An RFC 3161 timestamp server on 127.0.0.1: answers each TimeStampReq with a TimeStampResp (status granted)
/// whose token is a SignedCms over the TSTInfo, signed by the test TSA certificate. Counts the requests it served.
/// </summary>
public sealed class TimestampResponder : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly X509Certificate2 authority;
    private readonly Task loop;
    private int served;

    public TimestampResponder(X509Certificate2 authority)
    {
        this.authority = authority;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/tsa/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(Serve);
    }

    public string Url { get; }

    public int Served => served;

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var response = Respond(body.ToArray());
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.OutputStream.WriteAsync(response);
            context.Response.Close();
            Interlocked.Increment(ref served);
        }
    }

    private byte[] Respond(byte[] requestBytes)
    {
        if (!Rfc3161TimestampRequest.TryDecode(requestBytes, out var request, out _))
        {
            throw new InvalidOperationException("not a TimeStampReq");
        }

        var info = new Rfc3161TimestampTokenInfo(new Oid("1.2.3.4.1"), request.HashAlgorithmId, request.GetMessageHash(),
            new BigInteger(Environment.TickCount64).ToByteArray(), DateTimeOffset.UtcNow, accuracyInMicroseconds: 1_000_000,
            nonce: request.GetNonce());
        var cms = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, authority) { IncludeOption = X509IncludeOption.EndCertOnly };
        signer.SignedAttributes.Add(new AsnEncodedData(CadesSigner.SigningCertificateV2Oid, CadesSigner.SigningCertificateV2(authority)));
        cms.ComputeSignature(signer);

        // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo }; status 0 = granted.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
            }

            writer.WriteEncodedValue(cms.Encode());
        }

        return writer.Encode();
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
