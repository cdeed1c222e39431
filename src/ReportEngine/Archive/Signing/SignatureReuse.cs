using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Archive.Signing;

/// <summary>
/// A same-number reprint carries the original's signature, not a new one: the incremental update the original
/// run appended (signature dictionary with its /M, visible box, CMS with any timestamp token) is appended again to
/// the re-rendered file. Signing anew with the old time would be a signature dated back, and a new time or token
/// would make a different file under the same number; a records office trusts neither. The update is only
/// accepted when its signature still covers the re-rendered bytes: if the data or template changed since, the
/// reprint fails instead of issuing a different document under an old number and signature.
/// </summary>
internal static partial class SignatureReuse
{
    public static async Task AppendAsync(string path, byte[] update, long originalRunId, CancellationToken cancellation)
    {
        var rendered = await File.ReadAllBytesAsync(path, cancellation);
        var whole = new byte[rendered.Length + update.Length];
        rendered.CopyTo(whole, 0);
        update.CopyTo(whole, rendered.Length);
        if (Mismatch(whole) is { } why)
        {
            throw new ReportEngineException(
                $"--same-number: the re-rendered report is not the document run {originalRunId} signed ({why}): its data, template or " +
                "fonts changed since. A reprint under the same number must be that document; rerun without --same-number to issue a new one.");
        }

        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
        await stream.WriteAsync(update, cancellation);
        await stream.FlushAsync(cancellation);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Why the last signature of the bytes does not cover them exactly; null when its CMS matches them.</summary>
    private static string? Mismatch(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var ranges = ByteRangePattern().Matches(text);
        if (ranges.Count == 0)
        {
            return "the stored signature has no /ByteRange";
        }

        var range = Enumerable.Range(1, 4).Select(g => long.Parse(ranges[^1].Groups[g].Value, CultureInfo.InvariantCulture)).ToArray();
        if (range[0] != 0 || range[2] <= range[1] || range[2] + range[3] != bytes.Length || bytes[range[1]] != '<' || bytes[range[2] - 1] != '>')
        {
            return "the stored signature's /ByteRange does not frame its /Contents in the new file: its length differs";
        }

        var signed = new byte[range[1] + range[3]];
        bytes.AsSpan(0, (int)range[1]).CopyTo(signed);
        bytes.AsSpan((int)range[2], (int)range[3]).CopyTo(signed.AsSpan((int)range[1]));
        try
        {
            var contents = Convert.FromHexString(text.AsSpan((int)range[1] + 1, (int)(range[2] - range[1] - 2)));
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length);
            var cms = new SignedCms(new ContentInfo(signed), detached: true);
            cms.Decode(contents.AsSpan(0, length));
            cms.CheckSignature(verifySignatureOnly: true);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or AsnContentException)
        {
            return "the signature does not match the new bytes";
        }
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();
}
