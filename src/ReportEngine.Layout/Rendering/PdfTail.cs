using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// What the incremental update needs from the PDF SkiaSharp wrote, read from its final part: the trailer, the
/// catalog, and the page objects in order (walking the page tree). Null if the layout is not what we expect.
/// </summary>
internal sealed partial class PdfTail
{
    public required int Size { get; init; }
    public required int RootNumber { get; init; }
    public required string Catalog { get; init; }
    public required string TrailerExtras { get; init; }
    public required long StartXref { get; init; }
    public required List<int> PageObjects { get; init; }
    public required List<float> PageHeights { get; init; }

    public static PdfTail? Parse(TailBuffer buffer, long tailStart)
    {
        // The file ends "startxref\n<offset>\n%%EOF": read the cross-reference section and trailer from there.
        var end = buffer.Read(Math.Max(0, buffer.Length - 64), 64);
        var startAt = end.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startAt < 0)
        {
            return null;
        }

        var startXref = long.Parse(PdfSyntax.NumberPattern().Match(end, startAt).Value, CultureInfo.InvariantCulture);
        var xrefInTail = (int)(startXref - tailStart);
        var tail = buffer.Read(xrefInTail, buffer.Length - xrefInTail);
        var trailerAt = tail.LastIndexOf("trailer", StringComparison.Ordinal);
        if (xrefInTail < 0 || !tail.StartsWith("xref", StringComparison.Ordinal) || trailerAt < 0)
        {
            return null;
        }

        var trailer = tail[trailerAt..];
        var size = Int(PdfSyntax.SizePattern().Match(trailer));
        var root = Int(PdfSyntax.RootPattern().Match(trailer));
        var offsets = ReadXref(tail, 0);
        if (size <= 0 || root <= 0 || offsets is null)
        {
            return null;
        }

        string? Object(int number)
        {
            if (!offsets.TryGetValue(number, out var offset) || offset < tailStart)
            {
                return null;
            }

            var text = buffer.ReadObject((int)(offset - tailStart));
            var open = text?.IndexOf("obj", StringComparison.Ordinal) ?? -1;
            return open < 0 ? null : text![(open + 3)..];
        }

        var catalog = Object(root);
        if (catalog is null)
        {
            return null;
        }

        var pages = new List<int>();
        var heights = new List<float>();
        var pagesRoot = Int(PdfSyntax.PagesPattern().Match(catalog));
        if (!Walk(pagesRoot, Object, pages, heights, 0))
        {
            return null;
        }

        var id = PdfSyntax.IdPattern().Match(trailer);
        var info = PdfSyntax.InfoPattern().Match(trailer);
        return new PdfTail
        {
            Size = size,
            RootNumber = root,
            Catalog = catalog.Trim(),
            StartXref = startXref,
            PageObjects = pages,
            PageHeights = heights,
            TrailerExtras = (info.Success ? "\n" + info.Value : "") + (id.Success ? "\n" + id.Value : ""),
        };
    }

    private static bool Walk(int number, Func<int, string?> read, List<int> pages, List<float> heights, int depth)
    {
        var body = read(number);
        if (body is null || depth > 32)
        {
            return false;
        }

        if (body.Contains("/Type /Pages", StringComparison.Ordinal))
        {
            var kids = PdfSyntax.KidsPattern().Match(body);
            foreach (Match reference in PdfSyntax.ReferencePattern().Matches(kids.Groups[1].Value))
            {
                if (!Walk(int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture), read, pages, heights, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        pages.Add(number);
        var box = MediaBoxPattern().Match(body);
        heights.Add(box.Success ? float.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return true;
    }

    private static Dictionary<int, long>? ReadXref(string tail, int at)
    {
        var result = new Dictionary<int, long>();
        var lines = tail[at..].Split('\n');
        var i = 1;
        while (i < lines.Length && !lines[i].StartsWith("trailer", StringComparison.Ordinal))
        {
            var header = lines[i].Trim().Split(' ');
            if (header.Length != 2)
            {
                return null;
            }

            var first = int.Parse(header[0], CultureInfo.InvariantCulture);
            var count = int.Parse(header[1], CultureInfo.InvariantCulture);
            for (var n = 0; n < count; n++)
            {
                var entry = lines[i + 1 + n];
                if (entry.Length >= 18 && entry[17] == 'n')
                {
                    result[first + n] = long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
                }
            }

            i += count + 1;
        }

        return result;
    }

    private static int Int(Match match) => match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"/MediaBox \[[-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+)\]")]
    private static partial Regex MediaBoxPattern();
}
