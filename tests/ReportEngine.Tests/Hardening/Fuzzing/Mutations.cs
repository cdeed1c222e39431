using System.Text;
using CsCheck;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>
/// Inputs made by damaging a valid file a few times over: flipped bytes, truncation, deleted or
/// repeated stretches, and inserted pieces that break parsers (quotes, line ends, byte order marks,
/// huge numbers, deep nesting, YAML anchors and tags, invalid UTF-8).
/// </summary>
public static class Mutations
{
    private static readonly byte[][] Pieces =
    [
        .. new[]
        {
            "\"", "'", "\n", "\r\n", "\r", ",", ";", ":", ": ", "- ", "#", "\t", " ", "\"\"", "\",\"", "\\",
            "\0", "\u2028", "\uFEFF", "99999999999999999999999999999", "-2147483649", "1e309", "NaN", "-0", "0x7fffffff",
            "~", "null", "[]", "{}", "[", "]", "{", "}", "{{", "}}", "{%", "%}", "{{ x }}", "{% for x in y %}", "&a ", "*a", "!!binary ", "!!python/object ",
            "<<: ", "? ", "|\n", ">-\n", "---\n", "...\n", "%YAML 1.2\n---\n", "%TAG ! tag:x,2000:\n", "2024-02-30", "9999-12-31", "0000-00-00",
            "=cmd|' /C calc'!A0", "../../etc/passwd", "a@b", "@", "\u0301", "Đ", "\U0001F600",
            new string('[', 200), new string('{', 200), string.Concat(Enumerable.Repeat("- ", 200)), new string('x', 10_000),
            string.Concat(Enumerable.Repeat("\"", 101)),
        }.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xFF],
    ];

    private enum Kind
    {
        FlipByte,
        Truncate,
        Delete,
        Repeat,
        Insert,
        InsertAtLineStart,
    }

    private readonly record struct Mutation(Kind Kind, double At, double Span, int Piece, byte Value);

    private static readonly Gen<Mutation> One = Gen.Select(
        Gen.Frequency((3, Gen.Const(Kind.FlipByte)), (1, Gen.Const(Kind.Truncate)), (2, Gen.Const(Kind.Delete)), (1, Gen.Const(Kind.Repeat)),
            (4, Gen.Const(Kind.Insert)), (2, Gen.Const(Kind.InsertAtLineStart))),
        Gen.Double[0, 1], Gen.Double[0, 0.1], Gen.Int[0, Pieces.Length - 1], Gen.Byte,
        (kind, at, span, piece, value) => new Mutation(kind, at, span, piece, value));

    /// <summary>One to four mutations of the original file.</summary>
    public static Gen<byte[]> Of(byte[] original) => One.Array[1, 4].Select(all => all.Aggregate(original, Apply));

    private static byte[] Apply(byte[] input, Mutation m)
    {
        var at = (int)(m.At * input.Length);
        var span = Math.Max(1, (int)(m.Span * input.Length));
        switch (m.Kind)
        {
            case Kind.FlipByte when input.Length > 0:
                var flipped = (byte[])input.Clone();
                flipped[Math.Min(at, input.Length - 1)] = m.Value;
                return flipped;
            case Kind.Truncate:
                return input[..at];
            case Kind.Delete:
                return [.. input[..at], .. input[Math.Min(input.Length, at + span)..]];
            case Kind.Repeat:
                var stretch = input[at..Math.Min(input.Length, at + span)];
                return [.. input[..at], .. stretch, .. stretch, .. input[at..]];
            case Kind.InsertAtLineStart:
                var lineStart = Array.LastIndexOf(input, (byte)'\n', Math.Max(0, Math.Min(at, input.Length - 1))) + 1;
                return [.. input[..lineStart], .. Pieces[m.Piece], .. input[lineStart..]];
            default:
                return [.. input[..at], .. Pieces[m.Piece], .. input[at..]];
        }
    }
}
