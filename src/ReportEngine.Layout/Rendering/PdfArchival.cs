using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// The PDF/A-2b parts SkiaSharp does not write deterministically (or at all), added in the incremental update:
/// an sRGB output intent with its ICC profile, an XMP metadata stream whose values equal the document
/// information dictionary's (both written here from the same metadata), and a trailer /ID derived from the
/// content so the same document still renders to the same bytes. SkiaSharp's own PDF/A mode is not used:
/// it writes a random id and no output intent.
/// </summary>
internal static class PdfArchival
{
    public const string OutputCondition = "sRGB IEC61966-2.1";

    public sealed record Parts(int Metadata, int OutputIntent, int Info, string Id);

    public static Parts Write(IncrementalWriter writer, DocumentMetadata metadata, PdfTail original)
    {
        var profile = Profile();
        var profileNumber = writer.Reserve();
        writer.Write(profileNumber, string.Create(CultureInfo.InvariantCulture, $"<</N 3\n/Length {profile.Length}>>\nstream\n")
            + Encoding.Latin1.GetString(profile) + "\nendstream");

        var intent = writer.Reserve();
        writer.Write(intent, string.Create(CultureInfo.InvariantCulture,
            $"<</Type /OutputIntent\n/S /GTS_PDFA1\n/OutputConditionIdentifier ({OutputCondition})\n/Info ({OutputCondition})\n/RegistryName (http://www.color.org)\n/DestOutputProfile {profileNumber} 0 R>>"));

        var values = Values(metadata);
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', values.Title, values.Author, values.Subject,
            values.Keywords, values.Creator, values.Producer, values.Created, values.Modified, original.StartXref, original.Size))).AsSpan(0, 16));

        var xmp = Encoding.UTF8.GetBytes(Xmp(values, id));
        var metadataNumber = writer.Reserve();
        writer.Write(metadataNumber, string.Create(CultureInfo.InvariantCulture, $"<</Type /Metadata\n/Subtype /XML\n/Length {xmp.Length}>>\nstream\n")
            + Encoding.Latin1.GetString(xmp) + "\nendstream");

        var info = writer.Reserve();
        var body = new StringBuilder("<<");
        Entry(body, "Title", values.Title);
        Entry(body, "Author", values.Author);
        Entry(body, "Subject", values.Subject);
        Entry(body, "Keywords", values.Keywords);
        Entry(body, "Creator", values.Creator);
        Entry(body, "Producer", values.Producer);
        if (values.Created is { } created)
        {
            body.Append("\n/CreationDate (").Append(PdfDate(created)).Append(')');
        }

        if (values.Modified is { } modified)
        {
            body.Append("\n/ModDate (").Append(PdfDate(modified)).Append(')');
        }

        writer.Write(info, body.Append(">>").ToString());
        return new Parts(metadataNumber, intent, info, id);
    }

    private static void Entry(StringBuilder body, string key, string value)
    {
        if (value.Length > 0)
        {
            body.Append("\n/").Append(key).Append(' ').Append(PdfPostProcessor.PdfString(value));
        }
    }

    private sealed record InfoValues(string Title, string Author, string Subject, string Keywords, string Creator, string Producer,
        DateTimeOffset? Created, DateTimeOffset? Modified);

    private static InfoValues Values(DocumentMetadata m) => new(
        m.Title ?? "", m.Author ?? "", m.Subject ?? "", m.Keywords ?? "", m.Creator ?? "ReportEngine", m.Producer ?? "ReportEngine.Layout",
        Whole(m.CreationDate), Whole(m.ModifiedDate ?? m.CreationDate));

    // PDF dates have whole seconds; XMP would keep fractions, and the two must be equal.
    private static DateTimeOffset? Whole(DateTimeOffset? date) =>
        date is { } d ? new DateTimeOffset(d.Ticks - d.Ticks % TimeSpan.TicksPerSecond, d.Offset) : null;

    private static string PdfDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"D:{date:yyyyMMddHHmmss}{sign}{offset.Hours:00}'{offset.Minutes:00}'");
    }

    private static string XmpDate(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Xmp(InfoValues v, string id)
    {
        static string X(string s) => SecurityElement.Escape(s);
        var x = new StringBuilder();
        x.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
        x.Append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n");
        x.Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n<dc:format>application/pdf</dc:format>\n");
        if (v.Title.Length > 0)
        {
            x.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(v.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        }

        if (v.Author.Length > 0)
        {
            x.Append("<dc:creator><rdf:Seq><rdf:li>").Append(X(v.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        }

        if (v.Subject.Length > 0)
        {
            x.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(v.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        }

        if (v.Keywords.Length > 0)
        {
            x.Append("<pdf:Keywords>").Append(X(v.Keywords)).Append("</pdf:Keywords>\n");
        }

        x.Append("<pdf:Producer>").Append(X(v.Producer)).Append("</pdf:Producer>\n");
        x.Append("<xmp:CreatorTool>").Append(X(v.Creator)).Append("</xmp:CreatorTool>\n");
        if (v.Created is { } created)
        {
            x.Append("<xmp:CreateDate>").Append(XmpDate(created)).Append("</xmp:CreateDate>\n");
        }

        if (v.Modified is { } modified)
        {
            x.Append("<xmp:ModifyDate>").Append(XmpDate(modified)).Append("</xmp:ModifyDate>\n");
        }

        x.Append("<xmpMM:DocumentID>uuid:").Append(Uuid(id)).Append("</xmpMM:DocumentID>\n");
        x.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");

        // Padding lets an editor rewrite the packet in place, as the XMP specification recommends.
        x.Append(' ', 512).Append("\n<?xpacket end=\"w\"?>");
        return x.ToString();
    }

    private static string Uuid(string hex) =>
        $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}".ToLowerInvariant();

    private static byte[] Profile()
    {
        using var stream = typeof(PdfArchival).Assembly.GetManifestResourceStream("ReportEngine.Layout.ColorProfiles.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB profile is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
