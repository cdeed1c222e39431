using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace ReportEngine.Layout.Fonts;

/// <summary>
/// Subset typefaces shared across documents: batches of similar documents use the same characters, so the
/// subset (a few ms of work) is made once. Bounded so a long-running service does not grow without limit.
/// </summary>
internal static class SubsetCache
{
    private const int Capacity = 256;
    private static readonly ConcurrentDictionary<string, Lazy<SKTypeface>> Cache = new(StringComparer.Ordinal);

    public static SKTypeface Get(FontFace face, IReadOnlyCollection<int> codepoints)
    {
        var sorted = codepoints.Order().ToArray();
        var key = new StringBuilder(sorted.Length * 5 + 8).Append(face.Id).Append('|');
        foreach (var codepoint in sorted)
        {
            key.Append(codepoint).Append(',');
        }

        if (Cache.Count > Capacity)
        {
            // Evicted typefaces stay valid for documents still holding them; the GC frees them later.
            Cache.Clear();
        }

        return Cache.GetOrAdd(key.ToString(), _ => new Lazy<SKTypeface>(() => Create(face, sorted), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static SKTypeface Create(FontFace face, int[] codepoints)
    {
        var bytes = FontSubsetter.Subset(face, codepoints);
        return bytes is null ? face.FullTypeface : SKTypeface.FromData(SKData.CreateCopy(bytes));
    }
}
