using System.Globalization;
using ReportEngine.Layout.Fonts;
using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// What elements may know about the document being rendered: the current page, totals from the counting pass,
/// named locations and outline entries. One per generation; used by one thread.
/// </summary>
internal sealed class RenderContext
{
    private readonly Dictionary<string, Location> locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Location> previousLocations = new(StringComparer.Ordinal);
    private Text.Hyphenation.Hyphenator? hyphenator;

    /// <summary>The canvas every element of this document draws on.</summary>
    public ICanvas Canvas { get; set; } = NullCanvas.Instance;

    /// <summary>True during the first pass, which draws nothing and learns page counts and locations.</summary>
    public bool IsCountingPass { get; set; } = true;

    /// <summary>1-based number of the page being laid out.</summary>
    public int PageNumber { get; set; }

    /// <summary>Total pages, known after the counting pass (0 during it).</summary>
    public int TotalPages { get; set; }

    /// <summary>The size of the current page's content area (between margins, header and footer).</summary>
    public Size ContentAreaSize { get; set; }

    public FontUsage FontUsage { get; } = new();

    /// <summary>The document's language (BCP 47, from its metadata): picks hyphenation patterns.</summary>
    public string? Language { get; set; }

    /// <summary>Hyphenation for <see cref="Language"/>, or null when none ships (e.g. Vietnamese).</summary>
    public Text.Hyphenation.Hyphenator? Hyphenator => hyphenator ??= Text.Hyphenation.Hyphenator.For(Language);

    /// <summary>Set by charts during the counting pass: the document needs its typefaces registered with ScottPlot.</summary>
    public bool HasCharts { get; set; }

    /// <summary>The ScottPlot font name that resolves to this document's typefaces (see Charts.ChartFonts).</summary>
    public string ChartFontName { get; set; } = FontManager.DefaultFamily;

    public List<OutlineEntry> Outline { get; } = [];

    public IReadOnlyDictionary<string, Location> Locations => locations;

    /// <summary>Records that a named location appears on the current page at the canvas position given.</summary>
    public void MarkLocation(string name, float x, float y)
    {
        if (locations.TryGetValue(name, out var existing))
        {
            locations[name] = existing with { LastPage = PageNumber };
        }
        else
        {
            locations[name] = new Location(name, PageNumber, PageNumber, x, y);
        }
    }

    /// <summary>A location's data: from this pass if already seen, else from the counting pass (forward references).</summary>
    public Location? FindLocation(string name) =>
        previousLocations.TryGetValue(name, out var previous) ? previous : locations.GetValueOrDefault(name);

    /// <summary>Starts the drawing pass: keeps what the counting pass learned, forgets per-pass progress.</summary>
    public void BeginDrawingPass(int totalPages)
    {
        previousLocations.Clear();
        foreach (var (key, value) in locations)
        {
            previousLocations[key] = value;
        }

        locations.Clear();
        Outline.Clear();
        IsCountingPass = false;
        TotalPages = totalPages;
        PageNumber = 0;
    }

    /// <summary>Formats a number for page-number spans (invariant digits; the counting pass sees 0 for unknown totals).</summary>
    public static string FormatNumber(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A named place in the document: its first and last page, and position on the first page (top-left origin).</summary>
internal sealed record Location(string Name, int FirstPage, int LastPage, float X, float Y);

/// <summary>A PDF outline (bookmark) entry, recorded when its heading is drawn.</summary>
internal sealed record OutlineEntry(int Level, string Title, int PageNumber, float X, float Y, string Destination);
