using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Archive.Signing;

/// <summary>
/// Signs a PDF in place with an incremental update (PAdES, /SubFilter /ETSI.CAdES.detached): a signature field
/// and its widget on the page that holds the named location "signature" (the signature block; a visible box
/// there) or, without one, an invisible widget on page 1; the /Sig dictionary with a /ByteRange and a /Contents
/// placeholder; a replacement catalog with the /AcroForm and a replacement page with the widget in its /Annots.
/// The CMS is made over every byte but the placeholder and written into it, so the signature covers the
/// whole file as it then stands.
/// </summary>
internal sealed partial class PdfSigner(CadesSigner cades, TimeProvider clock)
{
    /// <summary>The named location the layout puts in the signature block (destination "loc-" + name).</summary>
    public const string LocationDestination = "loc-signature";

    /// <summary>Room for the CMS: two certificates, the signature and a timestamp token with its own certificates.</summary>
    private const int ContentsBytes = 24 * 1024;

    private const string ByteRangePlaceholder = "/ByteRange [0 0000000000 0000000000 0000000000]";

    public async Task<SignedPlacement> SignAsync(string path, CancellationToken cancellation)
    {
        var pdf = PdfFile.Read(path);
        var catalog = pdf.Object(pdf.RootNumber) ?? throw new ReportEngineException($"{path}: its catalog cannot be read.");
        if (catalog.Contains("/AcroForm", StringComparison.Ordinal))
        {
            throw new ReportEngineException($"{path} already has a form (/AcroForm): it is signed once, when it is archived.");
        }

        var pages = pdf.Pages();
        if (pages.Count == 0)
        {
            throw new ReportEngineException($"{path}: its pages cannot be found.");
        }

        var box = FindBox(pdf, catalog, pages);
        var pageNumber = box?.Page ?? pages[0];
        var page = pdf.Object(pageNumber) ?? throw new ReportEngineException($"{path}: page object {pageNumber} cannot be read.");
        var now = clock.GetUtcNow();
        var signerName = cades.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false);

        var update = new UpdateWriter(pdf.Bytes.Length, pdf.Size);
        var signature = update.Reserve();
        var widget = update.Reserve();
        var form = update.Reserve();
        var appearance = box is null ? 0 : update.Reserve();

        update.Write(signature,
            "<</Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n" + ByteRangePlaceholder +
            "\n/Contents <" + new string('0', ContentsBytes * 2) + ">" +
            "\n/M " + PdfText.Literal(PdfText.Date(now)) + "\n/Name " + PdfText.Unicode(signerName) + ">>");
        var rect = box is { } b ? Number(b.Left, b.Bottom, b.Right, b.Top) : "0 0 0 0";
        update.Write(widget, string.Create(CultureInfo.InvariantCulture,
            $"<</Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (Signature1)\n/V {signature} 0 R\n/F 132\n/Rect [{rect}]\n/P {pageNumber} 0 R") +
            (box is null ? "" : string.Create(CultureInfo.InvariantCulture, $"\n/AP <</N {appearance} 0 R>>")) + ">>");
        update.Write(form, string.Create(CultureInfo.InvariantCulture, $"<</Fields [{widget} 0 R]\n/SigFlags 3>>"));
        if (box is { } visible)
        {
            update.Write(appearance, SignatureAppearance.Stream(visible.Right - visible.Left, visible.Top - visible.Bottom, signerName, now));
        }

        update.Write(pdf.RootNumber, WithEntry(catalog, string.Create(CultureInfo.InvariantCulture, $"/AcroForm {form} 0 R")));
        WriteAnnotation(pdf, update, pageNumber, page, widget);
        var bytes = update.Finish(pdf);

        // Fill the /ByteRange: everything before "<" of /Contents and everything after its ">".
        var contentsAt = PdfFile.IndexOf(bytes, "/Contents <"u8, 0) + "/Contents ".Length;
        var afterContents = contentsAt + ContentsBytes * 2 + 2;
        var total = pdf.Bytes.LongLength + bytes.Length;
        var range = string.Create(CultureInfo.InvariantCulture,
            $"/ByteRange [0 {pdf.Bytes.Length + contentsAt} {pdf.Bytes.Length + afterContents} {total - pdf.Bytes.Length - afterContents}]")
            .PadRight(ByteRangePlaceholder.Length);
        var rangeAt = PdfFile.IndexOf(bytes, Encoding.Latin1.GetBytes(ByteRangePlaceholder), 0);
        Encoding.Latin1.GetBytes(range).CopyTo(bytes, rangeAt);

        var signed = new byte[pdf.Bytes.Length + contentsAt + (bytes.Length - afterContents)];
        pdf.Bytes.CopyTo(signed, 0);
        bytes.AsSpan(0, contentsAt).CopyTo(signed.AsSpan(pdf.Bytes.Length));
        bytes.AsSpan(afterContents).CopyTo(signed.AsSpan(pdf.Bytes.Length + contentsAt));
        var cms = await cades.SignAsync(signed, cancellation);
        if (cms.Length > ContentsBytes)
        {
            throw new ReportEngineException($"The signature ({cms.Length} bytes) does not fit the {ContentsBytes} bytes reserved for it.");
        }

        Encoding.Latin1.GetBytes(Convert.ToHexString(cms)).CopyTo(bytes, contentsAt + 1);

        await using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write))
        {
            await stream.WriteAsync(bytes, cancellation);
            await stream.FlushAsync(cancellation);
            stream.Flush(flushToDisk: true);
        }

        return new SignedPlacement(box is not null, pages.IndexOf(pageNumber) + 1, signerName, bytes);
    }

    private static void WriteAnnotation(PdfFile pdf, UpdateWriter update, int pageNumber, string page, int widget)
    {
        var reference = string.Create(CultureInfo.InvariantCulture, $"{widget} 0 R");
        var inline = InlineAnnotsPattern().Match(page);
        if (inline.Success)
        {
            update.Write(pageNumber, page.Insert(inline.Index + inline.Length - 1, " " + reference));
            return;
        }

        var indirect = IndirectAnnotsPattern().Match(page);
        if (indirect.Success)
        {
            var number = PdfFile.Int(indirect);
            var array = (pdf.Object(number) ?? "[]").TrimEnd();
            update.Write(number, array[..^1] + " " + reference + "]");
            update.Write(pageNumber, page);
            return;
        }

        update.Write(pageNumber, WithEntry(page, $"/Annots [{reference}]"));
    }

    /// <summary>A dictionary's text with one more entry before its closing "&gt;&gt;".</summary>
    private static string WithEntry(string dictionary, string entry)
    {
        var trimmed = dictionary.TrimEnd();
        return trimmed[..trimmed.LastIndexOf(">>", StringComparison.Ordinal)] + "\n" + entry + ">>";
    }

    /// <summary>
    /// The signature box: the named destination "loc-signature" (the top left of the signature block's
    /// location, in PDF points from the bottom) with a fixed size below and to its right.
    /// </summary>
    private static SignatureBox? FindBox(PdfFile pdf, string catalog, List<int> pages)
    {
        var dests = DestsReferencePattern().Match(catalog);
        var names = dests.Success ? pdf.Object(PdfFile.Int(dests)) ?? "" : catalog;
        var destination = DestinationPattern().Match(names);
        if (!destination.Success)
        {
            return null;
        }

        var page = int.Parse(destination.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!pages.Contains(page))
        {
            return null;
        }

        var x = float.Parse(destination.Groups[2].Value, CultureInfo.InvariantCulture);
        var top = float.Parse(destination.Groups[3].Value, CultureInfo.InvariantCulture);
        return new SignatureBox(page, x, top - SignatureAppearance.Height, x + SignatureAppearance.Width, top);
    }

    private static string Number(params float[] values) =>
        string.Join(' ', values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"/Annots\s*\[[^\]]*\]")]
    private static partial Regex InlineAnnotsPattern();

    [GeneratedRegex(@"/Annots\s+(\d+) 0 R")]
    private static partial Regex IndirectAnnotsPattern();

    [GeneratedRegex(@"/Dests\s+(\d+) 0 R")]
    private static partial Regex DestsReferencePattern();

    [GeneratedRegex(@"/loc-signature\s*\[\s*(\d+) 0 R\s*/XYZ\s+([-\d.]+)\s+([-\d.]+)")]
    private static partial Regex DestinationPattern();

    private sealed record SignatureBox(int Page, float Left, float Bottom, float Right, float Top);

    /// <summary>The objects of the update, its cross-reference section and trailer, as bytes to append.</summary>
    private sealed class UpdateWriter(long start, int firstFreeNumber)
    {
        // Latin-1 text: one character is one byte, so its length is the byte offset.
        private readonly StringBuilder buffer = new();
        private readonly SortedDictionary<int, long> offsets = [];
        private int next = firstFreeNumber;

        public int Reserve() => next++;

        public void Write(int number, string body)
        {
            Emit("\n");
            offsets[number] = start + buffer.Length;
            Emit(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj"));
        }

        public byte[] Finish(PdfFile original)
        {
            Emit("\n");
            var xref = start + buffer.Length;
            var text = new StringBuilder("xref\n");
            foreach (var (number, offset) in offsets)
            {
                text.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
            }

            text.Append(CultureInfo.InvariantCulture,
                $"trailer\n<</Size {next}\n/Root {original.RootNumber} 0 R{original.TrailerExtras}\n/Prev {original.StartXref}>>\nstartxref\n{xref}\n%%EOF\n");
            Emit(text.ToString());
            return Encoding.Latin1.GetBytes(buffer.ToString());
        }

        private void Emit(string text) => buffer.Append(text);
    }
}

/// <summary>
/// Where the signature went: a visible box (on which page) or an invisible widget on page 1; and the incremental
/// update appended, which the run keeps so a same-number reprint can carry this very signature (<see cref="SignatureReuse"/>).
/// </summary>
internal sealed record SignedPlacement(bool Visible, int Page, string SignerName, byte[] Update);

/// <summary>PDF string and date syntax for the signature dictionary.</summary>
internal static class PdfText
{
    public static string Literal(string ascii) => "(" + ascii.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";

    /// <summary>UTF-16BE with a byte-order mark, as hex: any script is safe.</summary>
    public static string Unicode(string text) =>
        "<FEFF" + string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + ">";

    public static string Date(DateTimeOffset time) => "D:" + time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
}
