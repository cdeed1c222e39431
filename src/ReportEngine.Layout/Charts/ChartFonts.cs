using System.Collections.Concurrent;
using SkiaSharp;

namespace ReportEngine.Layout.Charts;

/// <summary>
/// Lets ScottPlot draw with the document's own (subset) typefaces, so a chart adds no second embedded font.
/// ScottPlot resolves fonts by name through a global resolver list and caches typefaces by name forever, so each
/// distinct set of typefaces is registered under its own generated name.
/// </summary>
internal sealed class ChartFonts : ScottPlot.IFontResolver
{
    private static readonly ConcurrentDictionary<string, SKTypeface[]> Families = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>Registers typefaces (regular, bold, italic, bold italic) and returns the name for <c>plot.Font.Set</c>.</summary>
    public static string Register(string key, SKTypeface regular, SKTypeface bold, SKTypeface italic, SKTypeface boldItalic)
    {
        Install();
        var name = "ReportEngine " + key;
        Families.TryAdd(name, [regular, bold, italic, boldItalic]);
        return name;
    }

    /// <summary>The name resolving to the whole default-family typefaces (counting pass and raster previews).</summary>
    public static string WholeDefaultFamily()
    {
        var faces = new[] { (false, false), (true, false), (false, true), (true, true) }
            .Select(s => FontManager.Resolve(FontManager.DefaultFamily, s.Item1, s.Item2).FullTypeface)
            .ToArray();
        return Register("whole", faces[0], faces[1], faces[2], faces[3]);
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        Families.TryGetValue(fontName, out var faces) ? faces[(bold ? 1 : 0) + (italic ? 2 : 0)] : null;

    public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
        CreateTypeface(fontName, (int)weight >= 600, slant != ScottPlot.FontSlant.Upright);

    private static void Install()
    {
        lock (Gate)
        {
            if (!installed)
            {
                ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFonts());
                installed = true;
            }
        }
    }
}
