using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// Archived reports are PDF/A-2b, checked beyond the identification: qpdf finds no structural error, every font
/// is embedded, no transparency PDF/A-2b forbids, an sRGB output intent, XMP equal to the document information.
/// Not validated here (no veraPDF on Debian): the full ISO 19005-2 rule set, e.g. glyph widths against the font
/// programs, the ICC profile's internals beyond its header, XMP extension schemas, content stream operators.
/// </summary>
[Collection(DemoGroup.Name)]
public partial class PdfA2bTests(DemoFixture demo)
{
    private static readonly string[] StandardBlendModes =
        ["Normal", "Compatible", "Multiply", "Screen", "Overlay", "Darken", "Lighten", "ColorDodge", "ColorBurn", "HardLight",
         "SoftLight", "Difference", "Exclusion", "Hue", "Saturation", "Color", "Luminosity"];

    private static readonly string[] ProfileClasses = ["mntr", "prtr"];

    // Encryption, scripts and actions, embedded files, LZW, media, XFA forms, OPI and alternate images: all outside PDF/A-2b.
    private static readonly string[] Forbidden = ["/Encrypt", "/JavaScript", "/JS ", "/EmbeddedFiles", "/LZWDecode", "/Launch", "/Sound", "/Movie", "/XFA", "/OPI", "/Alternates"];

    public static TheoryData<string> Languages => new() { "vi", "en", "pl" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Qpdf_finds_no_error(string language)
    {
        var (code, output) = Tool("qpdf", "--check", demo.Pdf(language));
        Assert.True(code == 0, output);
        Assert.Contains("No syntax or stream encoding errors found", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Pdffonts_lists_every_font_as_embedded(string language)
    {
        var (code, output) = Tool("pdffonts", demo.Pdf(language));
        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);

        // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the right.
        Assert.All(rows, row => Assert.Equal("yes", row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_font_descriptor_carries_its_font_program(string language)
    {
        var pdf = Uncompressed(demo.Pdf(language));
        var descriptors = pdf.Objects.Values.Where(o => o.Contains("/Type /FontDescriptor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d => Assert.Matches(@"/FontFile[23]? \d+ 0 R", d));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_transparency_or_feature_that_PDF_A_2b_forbids(string language)
    {
        var pdf = Uncompressed(demo.Pdf(language));
        var all = string.Join('\n', pdf.Objects.Values);

        // PDF/A-2 allows transparency, but only with standard blend modes, and groups whose colour space the
        // output intent (RGB) covers; CMYK device colour would need a CMYK intent.
        foreach (Match blend in BlendModePattern().Matches(all))
        {
            Assert.Contains(blend.Groups[1].Value, StandardBlendModes);
        }

        foreach (Match group in GroupPattern().Matches(all))
        {
            Assert.Contains("/S /Transparency", group.Value, StringComparison.Ordinal);
            if (group.Value.Contains("/CS", StringComparison.Ordinal))
            {
                Assert.Matches(@"/CS\s*(/DeviceRGB|\[\s*/ICCBased|\d+ 0 R)", group.Value);
            }
        }

        Assert.DoesNotContain("/DeviceCMYK", all, StringComparison.Ordinal);
        foreach (var forbidden in Forbidden)
        {
            Assert.DoesNotContain(forbidden, all, StringComparison.Ordinal);
        }

        // Annotations must be printable (flag bit 3) and never hidden.
        foreach (var annotation in pdf.Objects.Values.Where(o => o.Contains("/Type /Annot", StringComparison.Ordinal)))
        {
            var flags = FlagsPattern().Match(annotation);
            Assert.True(flags.Success, "annotation without /F: " + annotation);
            Assert.Equal(4, int.Parse(flags.Groups[1].Value, CultureInfo.InvariantCulture) & 0b100111);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_sRGB_output_intent_with_its_ICC_profile_is_present(string language)
    {
        var pdf = Uncompressed(demo.Pdf(language));
        var catalog = pdf.Catalog;
        var intents = Regex.Match(catalog, @"/OutputIntents \[\s*(\d+) 0 R");
        Assert.True(intents.Success, catalog);
        var intent = pdf.Objects[int.Parse(intents.Groups[1].Value, CultureInfo.InvariantCulture)];
        Assert.Contains("/S /GTS_PDFA1", intent, StringComparison.Ordinal);
        Assert.Contains("sRGB IEC61966-2.1", intent, StringComparison.Ordinal);
        var profile = pdf.Objects[Reference(intent, "DestOutputProfile")];
        Assert.Contains("/N 3", profile, StringComparison.Ordinal);

        // An ICC profile: the signature "acsp" at byte 36, an RGB colour space, an output or display class.
        var data = profile[(profile.IndexOf("stream\n", StringComparison.Ordinal) + 7)..];
        Assert.Equal("acsp", data.Substring(36, 4));
        Assert.Equal("RGB ", data.Substring(16, 4));
        Assert.Contains(data.Substring(12, 4), ProfileClasses);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void XMP_identifies_PDF_A_2b_and_equals_the_document_information(string language)
    {
        var pdf = Uncompressed(demo.Pdf(language));
        var xmp = Xmp(pdf);
        Assert.Equal("2", Value(xmp, "http://www.aiim.org/pdfa/ns/id/", "part"));
        Assert.Equal("B", Value(xmp, "http://www.aiim.org/pdfa/ns/id/", "conformance"));

        var info = pdf.Objects[Reference(pdf.Trailer, "Info")];
        Assert.Equal(PdfString(info, "Title"), Value(xmp, Dc, "title"));
        Assert.Equal(PdfString(info, "Author"), Value(xmp, Dc, "creator"));
        Assert.Equal(PdfString(info, "Subject"), Value(xmp, Dc, "description"));
        Assert.Equal(PdfString(info, "Keywords"), Value(xmp, "http://ns.adobe.com/pdf/1.3/", "Keywords"));
        Assert.Equal(PdfString(info, "Producer"), Value(xmp, "http://ns.adobe.com/pdf/1.3/", "Producer"));
        Assert.Equal(PdfString(info, "Creator"), Value(xmp, Xap, "CreatorTool"));
        Assert.Equal(PdfDate(info, "CreationDate"), DateTimeOffset.Parse(Value(xmp, Xap, "CreateDate")!, CultureInfo.InvariantCulture));
        Assert.Equal(PdfDate(info, "ModDate"), DateTimeOffset.Parse(Value(xmp, Xap, "ModifyDate")!, CultureInfo.InvariantCulture));
        Assert.Matches(@"/ID \[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]", pdf.Trailer);
    }

    [Fact]
    public void Pdfinfo_reads_the_same_metadata()
    {
        var path = demo.Pdf("en");
        var (code, meta) = Tool("pdfinfo", "-meta", path);
        Assert.Equal(0, code);
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", meta, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", meta, StringComparison.Ordinal);
        var (_, info) = Tool("pdfinfo", path);
        var title = Regex.Match(info, @"^Title:\s+(.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        Assert.NotEmpty(title);
        Assert.Contains($"<rdf:li xml:lang=\"x-default\">{title}</rdf:li>", meta, StringComparison.Ordinal);
    }

    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string Xap = "http://ns.adobe.com/xap/1.0/";

    private static XDocument Xmp(Pdf pdf)
    {
        var stream = pdf.Objects[Reference(pdf.Catalog, "Metadata")];
        Assert.Contains("/Subtype /XML", stream, StringComparison.Ordinal);
        var start = stream.IndexOf("<?xpacket", StringComparison.Ordinal);
        var end = stream.LastIndexOf("?>", StringComparison.Ordinal) + 2;
        var bytes = Encoding.Latin1.GetBytes(stream[start..end]);
        return XDocument.Parse(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>A property's text: simple, or the first rdf:li of an Alt/Seq/Bag.</summary>
    private static string? Value(XDocument xmp, string ns, string name)
    {
        var element = xmp.Descendants(XName.Get(name, ns)).SingleOrDefault();
        if (element is null)
        {
            return null;
        }

        var item = element.Descendants(XName.Get("li", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")).FirstOrDefault();
        return (item ?? element).Value;
    }

    private static int Reference(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, $@"/{key} (\d+) 0 R");
        Assert.True(match.Success, $"/{key} missing in {dictionary}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A text string value, literal (PDFDocEncoding taken as Latin-1) or hex UTF-16BE with a BOM.</summary>
    private static string? PdfString(string dictionary, string key)
    {
        var hex = Regex.Match(dictionary, $@"/{key} <([0-9A-Fa-f]*)>");
        if (hex.Success)
        {
            var bytes = Convert.FromHexString(hex.Groups[1].Value);
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);
        }

        var literal = Regex.Match(dictionary, $@"/{key} \(((?:\\.|[^\\)])*)\)");
        if (!literal.Success)
        {
            return null;
        }

        var raw = Regex.Unescape(literal.Groups[1].Value.Replace(@"\(", "(", StringComparison.Ordinal).Replace(@"\)", ")", StringComparison.Ordinal));
        var latin = Encoding.Latin1.GetBytes(raw);
        return latin.Length >= 2 && latin[0] == 0xFE && latin[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(latin, 2, latin.Length - 2) : raw;
    }

    private static DateTimeOffset PdfDate(string dictionary, string key)
    {
        var text = PdfString(dictionary, key) ?? throw new InvalidOperationException($"/{key} missing");
        var match = Regex.Match(text, @"^D:(\d{14})([+-])(\d{2})'(\d{2})'?$");
        Assert.True(match.Success, text);
        var local = DateTime.ParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var offset = new TimeSpan(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), 0);
        return new DateTimeOffset(local, match.Groups[2].Value == "-" ? -offset : offset);
    }

    /// <summary>
    /// Our own reading of the file: qpdf rewrites it uncompressed (QDF: every object once, streams decoded),
    /// then each "N 0 obj … endobj" and the trailer are taken as text.
    /// </summary>
    private static Pdf Uncompressed(string path)
    {
        var qdf = path + ".qdf.pdf";
        if (!File.Exists(qdf))
        {
            var (code, output) = Tool("qpdf", "--qdf", "--object-streams=disable", path, qdf);
            Assert.True(code == 0, output);
        }

        var text = Encoding.Latin1.GetString(File.ReadAllBytes(qdf));
        var objects = ObjectPattern().Matches(text).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var catalog = objects[Reference(trailer, "Root")];
        return new Pdf(objects, trailer, catalog);
    }

    private static (int Code, string Output) Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name, args) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(name + " did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private sealed record Pdf(Dictionary<int, string> Objects, string Trailer, string Catalog);

    [GeneratedRegex(@"(?m)^(\d+) 0 obj\n(.*?)\nendobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/BM\s*\[?\s*/(\w+)")]
    private static partial Regex BlendModePattern();

    [GeneratedRegex(@"/Group\s*<<[^>]*>>")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"/F (\d+)")]
    private static partial Regex FlagsPattern();
}
