using ReportEngine.Layout.Fonts;
using SkiaSharp;

namespace ReportEngine.Layout;

/// <summary>
/// The fonts documents may use. DejaVu Sans (regular, bold, oblique, bold oblique) ships with the engine
/// under <c>Fonts/DejaVu</c> next to the assembly and is the default family; Liberation Serif (regular, bold,
/// italic; metric-compatible with Times New Roman, which Party documents are set in) ships under
/// <c>Fonts/LiberationSerif</c> as <see cref="SerifFamily"/>. Register other fonts from files
/// before rendering; a character missing from a span's font is drawn with the first font of the fallback chain
/// that has it.
/// </summary>
public static class FontManager
{
    /// <summary>The family used when a style names none.</summary>
    public const string DefaultFamily = "DejaVu Sans";

    /// <summary>The bundled serif family, metric-compatible with Times New Roman.</summary>
    public const string SerifFamily = "Liberation Serif";

    private static readonly Lock Gate = new();
    private static readonly List<FontFace> Faces = [];
    private static readonly List<string> Fallbacks = [];
    private static volatile FontFace[] snapshot = [];
    private static bool defaultsLoaded;

    // Cleared whenever a font is registered, since a better match may have arrived.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool, bool), FontFace> Resolved = new();

    /// <summary>Registers a TrueType/OpenType font file; family, weight and slant are read from the file.</summary>
    /// <param name="path">Path of a .ttf or .otf file.</param>
    /// <returns>The family name read from the file, to use in <see cref="TextStyle.FontFamily"/>.</returns>
    public static string RegisterFont(string path) => RegisterFont(File.ReadAllBytes(path), null);

    /// <summary>Registers a font from its bytes, optionally under another family name.</summary>
    /// <param name="data">The font file's bytes.</param>
    /// <param name="familyName">The family name to register it under; null to use the file's own.</param>
    /// <returns>The family name it was registered under.</returns>
    public static string RegisterFont(byte[] data, string? familyName)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var probe = SKTypeface.FromData(SKData.CreateCopy(data))
            ?? throw new ArgumentException("The data is not a font SkiaSharp can read.", nameof(data));
        var family = familyName ?? probe.FamilyName;
        var bold = probe.FontStyle.Weight >= (int)SKFontStyleWeight.SemiBold;
        var italic = probe.FontStyle.Slant != SKFontStyleSlant.Upright;
        EnsureDefaults();
        Add(new FontFace(data, family, bold, italic));
        return family;
    }

    /// <summary>Appends a family to the fallback chain consulted for characters a span's own font lacks.</summary>
    /// <param name="familyName">A registered family.</param>
    public static void AddFallbackFamily(string familyName)
    {
        lock (Gate)
        {
            if (!Fallbacks.Contains(familyName, StringComparer.OrdinalIgnoreCase))
            {
                Fallbacks.Add(familyName);
            }
        }
    }

    /// <summary>The registered family names.</summary>
    public static IReadOnlyList<string> Families
    {
        get
        {
            EnsureDefaults();
            return snapshot.Select(f => f.Family).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    internal static FontFace Resolve(string? family, bool bold, bool italic)
    {
        var key = (family ?? DefaultFamily, bold, italic);
        if (Resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var face = ResolveUncached(family, bold, italic);
        Resolved[key] = face;
        return face;
    }

    private static FontFace ResolveUncached(string? family, bool bold, bool italic)
    {
        EnsureDefaults();
        var faces = snapshot;
        var name = family ?? DefaultFamily;
        FontFace? best = null;
        var bestScore = -1;
        foreach (var face in faces)
        {
            if (!string.Equals(face.Family, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var score = (face.Bold == bold ? 2 : 0) + (face.Italic == italic ? 1 : 0);
            if (score > bestScore)
            {
                best = face;
                bestScore = score;
            }
        }

        return best ?? (string.Equals(name, DefaultFamily, StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException($"The default font '{DefaultFamily}' is not registered.")
            : Resolve(DefaultFamily, bold, italic));
    }

    /// <summary>The face to draw a character the primary face lacks: the fallback chain, then the default family.</summary>
    internal static FontFace? ResolveFallback(int codepoint, bool bold, bool italic)
    {
        string[] chain;
        lock (Gate)
        {
            chain = [.. Fallbacks, DefaultFamily];
        }

        foreach (var family in chain)
        {
            var face = Resolve(family, bold, italic);
            if (face.HasGlyph(codepoint))
            {
                return face;
            }
        }

        return null;
    }

    private static void Add(FontFace face)
    {
        lock (Gate)
        {
            Faces.Add(face);
            snapshot = [.. Faces];
            Resolved.Clear();
        }
    }

    private static void EnsureDefaults()
    {
        if (defaultsLoaded)
        {
            return;
        }

        lock (Gate)
        {
            if (defaultsLoaded)
            {
                return;
            }

            (string Folder, string Family, string File, bool Bold, bool Italic)[] files =
            [
                ("DejaVu", DefaultFamily, "DejaVuSans.ttf", false, false), ("DejaVu", DefaultFamily, "DejaVuSans-Bold.ttf", true, false),
                ("DejaVu", DefaultFamily, "DejaVuSans-Oblique.ttf", false, true), ("DejaVu", DefaultFamily, "DejaVuSans-BoldOblique.ttf", true, true),
                ("LiberationSerif", SerifFamily, "LiberationSerif-Regular.ttf", false, false),
                ("LiberationSerif", SerifFamily, "LiberationSerif-Bold.ttf", true, false),
                ("LiberationSerif", SerifFamily, "LiberationSerif-Italic.ttf", false, true),
            ];
            foreach (var (folder, family, file, bold, italic) in files)
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Fonts", folder, file);
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"The bundled font is missing: {path}. It ships in the engine's output under Fonts/{folder}.", path);
                }

                Faces.Add(new FontFace(File.ReadAllBytes(path), family, bold, italic));
            }

            snapshot = [.. Faces];
            defaultsLoaded = true;
        }
    }
}
