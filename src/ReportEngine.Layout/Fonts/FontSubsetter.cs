using System.Runtime.InteropServices;

namespace ReportEngine.Layout.Fonts;

/// <summary>
/// Subsets a font with HarfBuzz's hb_subset. SkiaSharp embeds every typeface whole (hundreds of KB for DejaVu),
/// and HarfBuzzSharp does not wrap hb_subset, so we call it in the native library HarfBuzzSharp already loads.
/// Glyph ids are retained: text is shaped once against the whole font and drawn with the subset unchanged.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    // hb_subset_flags_t
    private const uint NoHinting = 0x1;
    private const uint RetainGids = 0x2;

    // hb_subset_sets_t
    private const int DropTableTagSet = 3;

    // Shaping happens against the whole font, so the subset needs no layout tables: dropping them makes
    // subsetting several times faster and the embedded font smaller.
    private static readonly uint[] DroppedTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF"), Tag("kern"), Tag("BASE"), Tag("JSTF"), Tag("MATH"), Tag("DSIG"), Tag("hdmx"), Tag("LTSH"), Tag("VDMX")];

    /// <summary>Returns a font file holding only the glyphs of <paramref name="codepoints"/> (plus .notdef), or null on failure.</summary>
    public static byte[]? Subset(FontFace face, IEnumerable<int> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                hb_set_add(unicodes, (uint)codepoint);
            }

            var dropped = hb_subset_input_set(input, DropTableTagSet);
            foreach (var tag in DroppedTables)
            {
                hb_set_add(dropped, tag);
            }

            hb_subset_input_set_flags(input, NoHinting | RetainGids);
            var subsetFace = hb_subset_or_fail(face.HbFace.Handle, input);
            if (subsetFace == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var blob = hb_face_reference_blob(subsetFace);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    if (data == IntPtr.Zero || length == 0)
                    {
                        return null;
                    }

                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subsetFace);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);
}
