using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ReportEngine.Layout.Text.Hyphenation;

/// <summary>
/// Liang's hyphenation (the TeX algorithm) over libhyphen pattern files shipped as embedded resources
/// (hyph_en_US.dic, hyph_pl_PL.dic from Debian's hyphen-en-us and hyphen-pl; licences beside them).
/// Only English and Polish have patterns: other languages get no hyphenation points, so a word is then cut
/// only as a last resort by the line breaker (Vietnamese syllables are whole words, never hyphenated).
/// </summary>
internal sealed class Hyphenator
{
    private static readonly ConcurrentDictionary<string, Hyphenator?> Loaded = new(StringComparer.Ordinal);

    // Pattern letters → digit vector (length letters + 1), e.g. "ab" → [0,1,0] for "a1b".
    private readonly Dictionary<string, byte[]> patterns = new(StringComparer.Ordinal);
    private int maxPatternLength;

    private Hyphenator(int leftMin, int rightMin)
    {
        LeftMin = leftMin;
        RightMin = rightMin;
    }

    /// <summary>Fewest letters kept before the first hyphen.</summary>
    public int LeftMin { get; private set; }

    /// <summary>Fewest letters moved after the last hyphen.</summary>
    public int RightMin { get; private set; }

    /// <summary>The hyphenator for a BCP 47 tag's language ("en-GB" → en, "pl-PL" → pl), or null when none ships.</summary>
    public static Hyphenator? For(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].ToLowerInvariant();
        var resource = primary switch
        {
            "en" => "hyph_en_US.dic",
            "pl" => "hyph_pl_PL.dic",
            _ => null,
        };
        return resource is null ? null : Loaded.GetOrAdd(resource, Load);
    }

    private static Hyphenator? Load(string resource)
    {
        var assembly = typeof(Hyphenator).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(resource, StringComparison.Ordinal));
        if (name is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        return Parse(stream);
    }

    /// <summary>
    /// Reads a libhyphen .dic: its first line names the charset (UTF-8 for en, ISO8859-2 for pl: the files are
    /// shipped unmodified), then optional LEFTHYPHENMIN/RIGHTHYPHENMIN lines (libhyphen's default is 2/2) and
    /// one pattern a line.
    /// </summary>
    public static Hyphenator Parse(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var firstLineEnd = Array.IndexOf(bytes, (byte)'\n');
        var charset = Encoding.ASCII.GetString(bytes, 0, firstLineEnd < 0 ? bytes.Length : firstLineEnd).Trim();
        var encoding = charset.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "UTF8" => Encoding.UTF8,
            "ISO88592" => CodePagesEncodingProvider.Instance.GetEncoding(28592)!,
            "ISO88591" => Encoding.Latin1,
            _ => throw new InvalidDataException($"Unsupported hyphenation pattern charset \"{charset}\"."),
        };
        var hyphenator = new Hyphenator(2, 2);
        foreach (var raw in encoding.GetString(bytes, firstLineEnd + 1, bytes.Length - firstLineEnd - 1).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '%' or '#')
            {
                continue;
            }

            if (line.StartsWith("LEFTHYPHENMIN", StringComparison.Ordinal))
            {
                hyphenator.LeftMin = int.Parse(line.AsSpan(14), CultureInfo.InvariantCulture);
                continue;
            }

            if (line.StartsWith("RIGHTHYPHENMIN", StringComparison.Ordinal))
            {
                hyphenator.RightMin = int.Parse(line.AsSpan(15), CultureInfo.InvariantCulture);
                continue;
            }

            // Non-standard (replacement) patterns "a1b/x=y,1,2" and directives in upper case are not used by Liang's
            // algorithm proper: the part before '/' still gives a valid break point, the rest is ignored.
            if (line.StartsWith("COMPOUND", StringComparison.Ordinal) || line.StartsWith("NOHYPHEN", StringComparison.Ordinal))
            {
                continue;
            }

            var slash = line.IndexOf('/', StringComparison.Ordinal);
            hyphenator.Add(slash >= 0 ? line[..slash] : line);
        }

        return hyphenator;
    }

    private void Add(string pattern)
    {
        var letters = new StringBuilder();
        var digits = new List<byte> { 0 };
        foreach (var c in pattern)
        {
            if (c is >= '0' and <= '9')
            {
                digits[^1] = (byte)(c - '0');
            }
            else
            {
                letters.Append(c);
                digits.Add(0);
            }
        }

        var key = letters.ToString();
        patterns[key] = [.. digits];
        maxPatternLength = Math.Max(maxPatternLength, key.Length);
    }

    /// <summary>
    /// Character offsets inside <paramref name="word"/> where a hyphen may go (a break before that character),
    /// ascending. Words with characters other than letters (digits, punctuation) around are handled by the caller.
    /// </summary>
    public IReadOnlyList<int> Points(string word)
    {
        if (word.Length < LeftMin + RightMin)
        {
            return [];
        }

        var dotted = "." + word.ToLowerInvariant() + ".";
        var values = new byte[dotted.Length + 1];
        for (var start = 0; start < dotted.Length; start++)
        {
            for (var length = 1; length <= maxPatternLength && start + length <= dotted.Length; length++)
            {
                if (patterns.TryGetValue(dotted.Substring(start, length), out var digits))
                {
                    for (var k = 0; k < digits.Length; k++)
                    {
                        values[start + k] = Math.Max(values[start + k], digits[k]);
                    }
                }
            }
        }

        // values[i] sits before dotted[i]; dotted[i] is word[i - 1], so a break before word[j] is values[j + 1].
        var points = new List<int>();
        for (var j = LeftMin; j <= word.Length - RightMin; j++)
        {
            if (values[j + 1] % 2 == 1)
            {
                points.Add(j);
            }
        }

        return points;
    }
}
