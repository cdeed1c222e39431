using System.Text;
using ReportEngine.Layout.Fonts;

namespace ReportEngine.Layout.Text;

/// <summary>
/// Splits styled text into words and the spaces after them, picks a face per character (fallback chain for
/// characters the span's font lacks) and shapes each word. Break opportunities: after spaces, after hyphens,
/// and forced at newlines.
/// </summary>
internal static class Tokenizer
{
    public static List<TextToken> Tokenize(IEnumerable<(string Text, TextStyle Style)> spans, FontUsage usage)
    {
        var tokens = new List<TextToken>();
        foreach (var (text, style) in spans)
        {
            var primary = FontManager.Resolve(style.Family, style.IsBold == true, style.IsItalic == true);
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                var hyphen = false;
                while (i < text.Length && !IsSpace(text[i]) && !IsNewline(text[i]))
                {
                    i++;
                    if (IsHyphen(text[i - 1]) && i < text.Length && !IsSpace(text[i]) && i - 1 > start)
                    {
                        hyphen = true;
                        break;
                    }
                }

                var wordEnd = i;
                while (i < text.Length && IsSpace(text[i]))
                {
                    i++;
                }

                var spaces = i - wordEnd;
                var forced = false;
                if (i < text.Length && IsNewline(text[i]))
                {
                    forced = true;
                    i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                }

                TextPiece? space = null;
                if (spaces > 0)
                {
                    usage.Add(primary, ' ');
                    var shapedSpaces = spaces == 1 ? primary.SingleSpace : Shaper.Shape(primary, new string(' ', spaces));
                    space = new TextPiece(primary, style, shapedSpaces, 0, shapedSpaces.Glyphs.Length) { IsSpace = true };
                }

                tokens.Add(new TextToken
                {
                    Word = ShapeWord(text, start, wordEnd, primary, style, usage),
                    Space = space,
                    BreakAfter = spaces > 0 || hyphen || forced,
                    ForcedBreak = forced,
                });
            }
        }

        return tokens;
    }

    private static TextPiece[] ShapeWord(string text, int start, int end, FontFace primary, TextStyle style, FontUsage usage)
    {
        if (start == end)
        {
            return [];
        }

        // Split the word where the face changes (fallback), then shape each part.
        List<TextPiece>? pieces = null;
        var partStart = start;
        FontFace? partFace = null;
        var i = start;
        while (i < end)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i, end - i), out var rune, out var length);
            var face = primary.HasGlyph(rune.Value) || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.NonSpacingMark
                ? primary
                : FontManager.ResolveFallback(rune.Value, primary.Bold, primary.Italic) ?? primary;
            if (partFace is not null && face != partFace)
            {
                (pieces ??= []).Add(Piece(text, partStart, i, partFace, style));
                partStart = i;
            }

            partFace = face;
            usage.Add(face, rune.Value);
            i += length;
        }

        var last = Piece(text, partStart, end, partFace!, style);
        if (pieces is null)
        {
            return [last];
        }

        pieces.Add(last);
        return [.. pieces];
    }

    private static TextPiece Piece(string text, int start, int end, FontFace face, TextStyle style)
    {
        var shaped = Shaper.Shape(face, text.Substring(start, end - start));
        return new TextPiece(face, style, shaped, 0, shaped.Glyphs.Length);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u2002' or '\u2003' or '\u2009';

    private static bool IsNewline(char c) => c is '\n' or '\r' or '\u2028';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2013';
}
