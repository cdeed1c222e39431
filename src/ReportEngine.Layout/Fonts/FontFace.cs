using SkiaSharp;
using HbBlob = HarfBuzzSharp.Blob;
using HbFace = HarfBuzzSharp.Face;
using HbFont = HarfBuzzSharp.Font;

namespace ReportEngine.Layout.Fonts;

/// <summary>
/// One font file: the HarfBuzz font used for shaping and measuring, plus the whole Skia typeface
/// (for raster previews). PDFs never embed the whole typeface: they get a subset (see <see cref="FontSubsetter"/>).
/// Immutable after construction and shared by all threads.
/// </summary>
internal sealed class FontFace : IDisposable
{
    private static int nextId;

    private readonly HbBlob blob;
    private readonly Lazy<SKTypeface> typeface;
    private readonly byte[] data;
    private readonly byte[] coverage = new byte[0x10000];
    private Text.ShapedText? singleSpace;

    public FontFace(byte[] data, string family, bool bold, bool italic)
    {
        this.data = data;
        Id = Interlocked.Increment(ref nextId);
        Family = family;
        Bold = bold;
        Italic = italic;
        // HarfBuzz keeps pointing into the blob's memory for the face's lifetime: give it unmanaged memory,
        // never a managed array the GC may move (Blob.FromStream crashed here after a collection).
        var memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(data.Length);
        System.Runtime.InteropServices.Marshal.Copy(data, 0, memory, data.Length);
        blob = new HbBlob(memory, data.Length, HarfBuzzSharp.MemoryMode.ReadOnly, () => System.Runtime.InteropServices.Marshal.FreeHGlobal(memory));

        HbFace = new HbFace(blob, 0);
        UnitsPerEm = HbFace.UnitsPerEm;
        HbFont = new HbFont(HbFace);
        HbFont.SetScale(UnitsPerEm, UnitsPerEm);
        HbFont.TryGetHorizontalFontExtents(out var extents);
        Ascent = extents.Ascender / (float)UnitsPerEm;
        Descent = -extents.Descender / (float)UnitsPerEm;
        LineGap = extents.LineGap / (float)UnitsPerEm;
        HbFont.TryGetNominalGlyph(' ', out var space);
        SpaceGlyph = (ushort)space;
        SpaceAdvance = HbFont.GetHorizontalGlyphAdvance(space);
        typeface = new Lazy<SKTypeface>(() => SKTypeface.FromData(SKData.CreateCopy(this.data)), LazyThreadSafetyMode.ExecutionAndPublication);
        using var metricsFont = new SKFont(FullTypeface, UnitsPerEm);
        var metrics = metricsFont.Metrics;
        UnderlinePosition = (metrics.UnderlinePosition ?? UnitsPerEm * 0.1f) / UnitsPerEm;
        UnderlineThickness = (metrics.UnderlineThickness ?? UnitsPerEm * 0.05f) / UnitsPerEm;
    }

    public int Id { get; }
    public string Family { get; }
    public bool Bold { get; }
    public bool Italic { get; }
    public int UnitsPerEm { get; }

    /// <summary>Ascent above the baseline, as a fraction of the font size.</summary>
    public float Ascent { get; }

    /// <summary>Descent below the baseline (positive), as a fraction of the font size.</summary>
    public float Descent { get; }

    public float LineGap { get; }
    public float UnderlinePosition { get; }
    public float UnderlineThickness { get; }
    public ushort SpaceGlyph { get; }

    /// <summary>Advance of U+0020 in font units.</summary>
    public int SpaceAdvance { get; }

    public HbFace HbFace { get; }
    public HbFont HbFont { get; }

    /// <summary>The whole font as Skia sees it: for raster previews only.</summary>
    public SKTypeface FullTypeface => typeface.Value;

    public ReadOnlySpan<byte> Data => data;

    public bool HasGlyph(int codepoint)
    {
        if (codepoint >= coverage.Length)
        {
            return HbFont.TryGetNominalGlyph(codepoint, out _);
        }

        // 0 = not looked up yet, 1 = present, 2 = missing. Races only repeat a lookup, so no lock is needed.
        var known = coverage[codepoint];
        if (known == 0)
        {
            known = HbFont.TryGetNominalGlyph(codepoint, out _) ? (byte)1 : (byte)2;
            coverage[codepoint] = known;
        }

        return known == 1;
    }

    /// <summary>The shaped single space, the most common token tail.</summary>
    public Text.ShapedText SingleSpace => singleSpace ??= Text.Shaper.Shape(this, " ");

    public override string ToString() => $"{Family}{(Bold ? " Bold" : "")}{(Italic ? " Italic" : "")}";

    public void Dispose()
    {
        HbFont.Dispose();
        HbFace.Dispose();
        blob.Dispose();
    }
}
