using System.Collections.Concurrent;
using ReportEngine.Layout.Fonts;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFeature = HarfBuzzSharp.Feature;

namespace ReportEngine.Layout.Text;

/// <summary>
/// A piece of text shaped by HarfBuzz, in font units (size independent). The same glyphs and advances are used
/// to measure and to draw, so what layout measured is exactly what the PDF shows (kerning included).
/// </summary>
internal sealed class ShapedText
{
    public required ushort[] Glyphs { get; init; }
    public required int[] Advances { get; init; }
    public required int[] XOffsets { get; init; }
    public required int[] YOffsets { get; init; }

    /// <summary>UTF-16 index in the source text where each glyph's cluster starts: safe split points for long words.</summary>
    public required int[] Clusters { get; init; }

    public required int TotalAdvance { get; init; }

    /// <summary>The text shaped: hyphenation looks up the word's letters.</summary>
    public required string Text { get; init; }
}

/// <summary>Shapes words against a face, caching results process-wide: reports repeat the same words constantly.</summary>
internal static class Shaper
{
    // About 300 bytes an entry: bounded so unique words (row numbers of a 10,000-page table) cannot hold much.
    private const int CacheLimit = 50_000;

    // Ligatures off: "ﬁ" glyphs extract from the PDF as one odd character, which breaks search and copy.
    private static readonly HbFeature[] Features = [HbFeature.Parse("liga=0"), HbFeature.Parse("clig=0")];
    private static readonly ConcurrentDictionary<(int FaceId, string Text), ShapedText> Cache = new();

    [ThreadStatic]
    private static HbBuffer? buffer;

    public static ShapedText Shape(FontFace face, string text)
    {
        if (Cache.TryGetValue((face.Id, text), out var cached))
        {
            return cached;
        }

        if (Cache.Count > CacheLimit)
        {
            Cache.Clear();
        }

        var shaped = ShapeUncached(face, text);
        Cache.TryAdd((face.Id, text), shaped);
        return shaped;
    }

    private static ShapedText ShapeUncached(FontFace face, string text)
    {
        var buf = buffer ??= new HbBuffer();
        buf.ClearContents();
        buf.AddUtf16(text);
        buf.GuessSegmentProperties();
        face.HbFont.Shape(buf, Features);
        var infos = buf.GetGlyphInfoSpan();
        var positions = buf.GetGlyphPositionSpan();
        var count = infos.Length;
        var glyphs = new ushort[count];
        var advances = new int[count];
        var xOffsets = new int[count];
        var yOffsets = new int[count];
        var clusters = new int[count];
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            advances[i] = positions[i].XAdvance;
            xOffsets[i] = positions[i].XOffset;
            yOffsets[i] = positions[i].YOffset;
            total += positions[i].XAdvance;
        }

        return new ShapedText
        {
            Glyphs = glyphs,
            Advances = advances,
            XOffsets = xOffsets,
            YOffsets = yOffsets,
            Clusters = clusters,
            TotalAdvance = total,
            Text = text,
        };
    }
}
