using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportEngine.Layout.Rendering;

namespace ReportEngine.Archive.Signing;

/// <summary>
/// A whole PDF file read just far enough to append an incremental update to it: the newest trailer, every
/// object's offset (following the /Prev chain of classic cross-reference tables, as SkiaSharp and the
/// layout engine's outline update write them) and an object's text. Streams are never decoded.
/// </summary>
internal sealed partial class PdfFile
{
    private readonly Dictionary<int, long> offsets = [];

    private PdfFile(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public long StartXref { get; private set; }

    /// <summary>The newest trailer dictionary's text.</summary>
    public string Trailer { get; private set; } = "";

    /// <summary>Every trailer, newest first: more than one means the file has incremental updates.</summary>
    public int Revisions { get; private set; }

    public int Size => Int(PdfSyntax.SizePattern().Match(Trailer));

    public int RootNumber => Int(PdfSyntax.RootPattern().Match(Trailer));

    /// <summary>/Info and /ID as they stand in the newest trailer, to repeat in the next one.</summary>
    public string TrailerExtras
    {
        get
        {
            var info = PdfSyntax.InfoPattern().Match(Trailer);
            var id = PdfSyntax.IdPattern().Match(Trailer);
            return (info.Success ? "\n" + info.Value : "") + (id.Success ? "\n" + id.Value : "");
        }
    }

    public static PdfFile Read(string path) => Parse(File.ReadAllBytes(path))
        ?? throw new ReportEngineException($"{path} is not a PDF whose cross-reference tables this version can read.");

    public static PdfFile? Parse(byte[] bytes)
    {
        var file = new PdfFile(bytes);
        var tailStart = Math.Max(0, bytes.Length - 64);
        var tail = Encoding.Latin1.GetString(bytes, tailStart, bytes.Length - tailStart);
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        file.StartXref = long.Parse(PdfSyntax.NumberPattern().Match(tail, at).Value, CultureInfo.InvariantCulture);
        for (var xref = file.StartXref; xref >= 0 && file.Revisions < 64;)
        {
            var trailer = file.ReadXref(xref);
            if (trailer is null)
            {
                return null;
            }

            if (file.Revisions++ == 0)
            {
                file.Trailer = trailer;
            }

            var previous = PrevPattern().Match(trailer);
            xref = previous.Success ? long.Parse(previous.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        }

        return file.Size > 0 && file.RootNumber > 0 ? file : null;
    }

    /// <summary>An object's body between "obj" and "endobj", trimmed; null if it is not in the file.</summary>
    public string? Object(int number)
    {
        if (!offsets.TryGetValue(number, out var offset) || offset >= Bytes.Length)
        {
            return null;
        }

        var end = IndexOf(Bytes, "endobj"u8, (int)offset);
        if (end < 0)
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(Bytes, (int)offset, end - (int)offset);
        var open = text.IndexOf("obj", StringComparison.Ordinal);
        return open < 0 ? null : text[(open + 3)..].Trim();
    }

    /// <summary>The page objects in order, walking the page tree from the catalog.</summary>
    public List<int> Pages()
    {
        var pages = new List<int>();
        var catalog = Object(RootNumber) ?? "";
        Walk(Int(PdfSyntax.PagesPattern().Match(catalog)), pages, 0);
        return pages;
    }

    private void Walk(int number, List<int> pages, int depth)
    {
        var body = Object(number);
        if (body is null || depth > 32)
        {
            return;
        }

        if (!body.Contains("/Type /Pages", StringComparison.Ordinal))
        {
            pages.Add(number);
            return;
        }

        foreach (Match reference in PdfSyntax.ReferencePattern().Matches(PdfSyntax.KidsPattern().Match(body).Groups[1].Value))
        {
            Walk(Int(reference), pages, depth + 1);
        }
    }

    /// <summary>Reads one classic xref section (older entries never replace newer ones) and returns its trailer.</summary>
    private string? ReadXref(long at)
    {
        if (at < 0 || at >= Bytes.Length)
        {
            return null;
        }

        var trailerAt = IndexOf(Bytes, "trailer"u8, (int)at);
        var endAt = trailerAt < 0 ? -1 : IndexOf(Bytes, "startxref"u8, trailerAt);
        if (trailerAt < 0 || endAt < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(Bytes, (int)at, trailerAt - (int)at).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0].Trim() != "xref")
        {
            return null;
        }

        for (var i = 1; i < lines.Length;)
        {
            var header = lines[i].Trim().Split(' ');
            if (header.Length != 2)
            {
                return null;
            }

            var first = int.Parse(header[0], CultureInfo.InvariantCulture);
            var count = int.Parse(header[1], CultureInfo.InvariantCulture);
            for (var n = 0; n < count && i + 1 + n < lines.Length; n++)
            {
                var entry = lines[i + 1 + n];
                if (entry.Length >= 18 && entry[17] == 'n')
                {
                    offsets.TryAdd(first + n, long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture));
                }
            }

            i += count + 1;
        }

        return Encoding.Latin1.GetString(Bytes, trailerAt + 7, endAt - trailerAt - 7).Trim();
    }

    public static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int from)
    {
        var found = bytes.AsSpan(from).IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    public static int Int(Match match) => match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"/Prev (\d+)")]
    private static partial Regex PrevPattern();
}
