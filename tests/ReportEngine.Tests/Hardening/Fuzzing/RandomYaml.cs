using System.Globalization;
using CsCheck;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>
/// YAML documents built from scratch: the keys a file of the kind uses, and others, holding values of
/// every shape (scalars of every type, huge numbers, Liquid, nested lists and maps, tags, anchors).
/// </summary>
public static class RandomYaml
{
    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture) + "99999999"),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Pick("true", "no", "~", "null", "\"\"", "''", "2024", "2024-02-30", "\"2024-09-05\"", "last-closed-year", "previous-year",
            "\"0 0 7 5 9 ?\"", "\"* * * * * ?\"", "\"0 0 25 * * ?\"", "Asia/Ho_Chi_Minh", "Mars/Olympus", "vi", "en", "xx", "int", "date", "locality",
            "organization", "string", "table", "chart", "repeat", "heading", "cover", "key-figures", "page-break", "label", "percent",
            "\"{{ t.title }}\"", "\"{{ q.summary.members\"", "\"{% for x in q.districts %}{{ x.name }}{% endfor %}\"", "\"{% if %}\"",
            "queries/districts.sql", "../../etc/passwd", "/dev/zero", "binh-thuan", "phu-quy", "province", "district", "commune", "skip",
            "next-working-day", "run-once", "run-all", "saturday", "!!int x", "!!str 5", "!custom v", "&a v", "*a", "\"\\u0000\"", "\"\\x\""),
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.String[0, 20].Select(s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));

    private static Gen<string> Key(string[] vocabulary) =>
        Gen.Frequency((4, Pick(vocabulary)), (1, Gen.String[Gen.Char.AlphaNumeric, 1, 8]), (1, Pick("~", "\"\"", "? [a]", "1", "<<")));

    private static Gen<string> Node(string[] vocabulary, int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (2, Node(vocabulary, depth - 1).Array[0, 5].Select(items => "[" + string.Join(", ", items) + "]")),
            (3, Gen.Select(Key(vocabulary), Node(vocabulary, depth - 1)).Array[0, 5]
                .Select(pairs => "{" + string.Join(", ", pairs.Select(p => $"{p.Item1}: {p.Item2}")) + "}")));

    /// <summary>A block mapping of the given top-level keys (and some others), each with a value up to a few levels deep.</summary>
    public static Gen<string> Document(string[] topKeys, string[] vocabulary) =>
        Gen.Select(Gen.Frequency((5, Pick(topKeys)), (1, Key(vocabulary))), Node(vocabulary, 4)).Array[0, 8]
            .Select(pairs => string.Concat(pairs.Select(p => $"{p.Item1}: {p.Item2}\n")));
}
