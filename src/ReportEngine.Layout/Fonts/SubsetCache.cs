using System.Text;
using SkiaSharp;

namespace ReportEngine.Layout.Fonts;

/// <summary>
/// Subset typefaces shared across documents: batches of similar documents use the same characters, so a subset
/// (a few ms of work) is made once. Documents lease typefaces while they render; unleased ones beyond the
/// capacity are disposed at once, because a typeface's native memory (font data, FreeType face) would otherwise
/// wait for a full garbage collection — the process grew by ~70 KB per document without this.
/// </summary>
internal static class SubsetCache
{
    private const int Capacity = 64;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);
    private static long clock;

    /// <summary>Leases the subset of <paramref name="face"/> holding <paramref name="codepoints"/>; release it when the document is done.</summary>
    public static Lease Acquire(FontFace face, IReadOnlyCollection<int> codepoints)
    {
        var sorted = codepoints.Order().ToArray();
        var key = new StringBuilder(sorted.Length * 5 + 8).Append(face.Id).Append('|');
        foreach (var codepoint in sorted)
        {
            key.Append(codepoint).Append(',');
        }

        var text = key.ToString();
        lock (Gate)
        {
            if (Entries.TryGetValue(text, out var known))
            {
                known.Leases++;
                known.LastUse = ++clock;
                return new Lease(known);
            }
        }

        // Subsetting takes milliseconds: do it outside the lock; a concurrent twin simply loses the race.
        var created = Create(face, sorted);
        lock (Gate)
        {
            if (!Entries.TryGetValue(text, out var entry))
            {
                entry = new Entry(text, created.Typeface, created.Owned);
                Entries[text] = entry;
            }
            else if (created.Owned)
            {
                created.Typeface.Dispose();
            }

            entry.Leases++;
            entry.LastUse = ++clock;
            return new Lease(entry);
        }
    }

    private static void Release(Entry entry)
    {
        lock (Gate)
        {
            entry.Leases--;
            if (Entries.Count <= Capacity)
            {
                return;
            }

            foreach (var idle in Entries.Values.Where(e => e.Leases == 0 && !e.Pinned).OrderBy(e => e.LastUse).Take(Entries.Count - Capacity).ToList())
            {
                Entries.Remove(idle.Key);
                if (idle.Owned)
                {
                    idle.Typeface.Dispose();
                }
            }
        }
    }

    private static (SKTypeface Typeface, bool Owned) Create(FontFace face, int[] codepoints)
    {
        var bytes = FontSubsetter.Subset(face, codepoints);
        if (bytes is null)
        {
            return (face.FullTypeface, false);
        }

        using var data = SKData.CreateCopy(bytes);
        return (SKTypeface.FromData(data), true);
    }

    /// <summary>A cached subset typeface.</summary>
    internal sealed class Entry(string key, SKTypeface typeface, bool owned)
    {
        public string Key { get; } = key;
        public SKTypeface Typeface { get; } = typeface;
        public bool Owned { get; } = owned;
        public int Leases { get; set; }
        public long LastUse { get; set; }

        /// <summary>Handed to ScottPlot, which caches typefaces forever: never disposed.</summary>
        public bool Pinned { get; set; }
    }

    /// <summary>A document's hold on a subset typeface.</summary>
    internal sealed class Lease(Entry entry) : IDisposable
    {
        private bool released;

        public SKTypeface Typeface => entry.Typeface;

        public void Pin()
        {
            lock (Gate)
            {
                entry.Pinned = true;
            }
        }

        public void Dispose()
        {
            if (!released)
            {
                released = true;
                Release(entry);
            }
        }
    }
}
