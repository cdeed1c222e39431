using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Text;

/// <summary>
/// Greedy line breaking over shaped tokens: a word goes on the current line if it fits, else starts the next
/// one. Only a word wider than a whole line is broken inside: at its hyphenation points with a visible hyphen
/// when the language has patterns (en, pl), else (or when no point fits) between grapheme clusters.
/// Trailing spaces never count.
/// </summary>
internal sealed class LineBreaker
{
    private readonly float maxWidth;
    private readonly TextStyle emptyLineStyle;
    private readonly Hyphenation.Hyphenator? hyphenator;
    private readonly List<TextLine> lines = [];
    private TextLine line = new();
    private float x;

    private LineBreaker(float maxWidth, TextStyle emptyLineStyle, Hyphenation.Hyphenator? hyphenator)
    {
        this.maxWidth = maxWidth;
        this.emptyLineStyle = emptyLineStyle;
        this.hyphenator = hyphenator;
    }

    public static List<TextLine> Break(IReadOnlyList<TextToken> tokens, float maxWidth, TextStyle emptyLineStyle, Hyphenation.Hyphenator? hyphenator = null)
    {
        var breaker = new LineBreaker(maxWidth, emptyLineStyle, hyphenator);
        breaker.Run(tokens);
        return breaker.lines;
    }

    private void Run(IReadOnlyList<TextToken> tokens)
    {
        TextPiece? pendingSpace = null;
        var canBreakBefore = true;
        foreach (var token in tokens)
        {
            var wordWidth = token.WordWidth;
            if (line.Pieces.Count > 0 && canBreakBefore && x + (pendingSpace?.Width ?? 0) + wordWidth > maxWidth + Size.Epsilon)
            {
                Finish(endsParagraph: false);
                pendingSpace = null;
            }

            if (pendingSpace is not null && line.Pieces.Count > 0)
            {
                Place(pendingSpace);
            }

            if (x + wordWidth > maxWidth + Size.Epsilon)
            {
                PlaceSplitting(token.Word);
            }
            else
            {
                foreach (var piece in token.Word)
                {
                    Place(piece);
                }
            }

            pendingSpace = token.Space;
            canBreakBefore = token.BreakAfter;
            if (token.ForcedBreak)
            {
                Finish(endsParagraph: true);
                pendingSpace = null;
            }
        }

        if (line.Pieces.Count > 0 || lines.Count == 0 || tokens.Count == 0 || !tokens[^1].ForcedBreak)
        {
            Finish(endsParagraph: true);
        }
    }

    private void Place(TextPiece piece)
    {
        line.Pieces.Add((piece, x));
        x += piece.Width;
        if (piece.IsSpace)
        {
            line.SpaceGlyphs += piece.End - piece.Start;
        }
        else
        {
            line.Width = x;
        }
    }

    /// <summary>Places a word wider than the room left, cutting it at cluster boundaries over as many lines as needed.</summary>
    private void PlaceSplitting(TextPiece[] word)
    {
        foreach (var piece in word)
        {
            var start = hyphenator is not null && word.Length == 1 ? PlaceHyphenated(piece) : piece.Start;
            var clusters = piece.Shaped.Clusters;
            while (start < piece.End)
            {
                var room = maxWidth - x;
                var width = 0f;
                var fitEnd = -1;
                for (var g = start; g < piece.End; g++)
                {
                    width += piece.Shaped.Advances[g] * piece.Scale;
                    var isBoundary = g + 1 == piece.End || clusters[g + 1] != clusters[g];
                    if (width > room + Size.Epsilon)
                    {
                        break;
                    }

                    if (isBoundary)
                    {
                        fitEnd = g + 1;
                    }
                }

                if (fitEnd < 0)
                {
                    if (line.Pieces.Count > 0)
                    {
                        Finish(endsParagraph: false);
                        continue;
                    }

                    // Not even one cluster fits an empty line: place one anyway so layout always progresses.
                    fitEnd = start + 1;
                    while (fitEnd < piece.End && clusters[fitEnd] == clusters[start])
                    {
                        fitEnd++;
                    }
                }

                Place(new TextPiece(piece.Face, piece.Style, piece.Shaped, start, fitEnd));
                start = fitEnd;
                if (start < piece.End)
                {
                    Finish(endsParagraph: false);
                }
            }
        }
    }

    /// <summary>
    /// Places as much of a single-piece word as its hyphenation points allow, each part but the last ending in a
    /// hyphen on its own line. Returns the glyph where it stopped: the piece's end when all is placed, else the
    /// start of a remainder that has no usable point left (cut between clusters by the caller).
    /// </summary>
    private int PlaceHyphenated(TextPiece piece)
    {
        var text = piece.Shaped.Text;
        if (piece.Start != 0 || piece.End != piece.Shaped.Glyphs.Length)
        {
            return piece.Start;
        }

        // Hyphenate the letters only: leading and trailing punctuation (quotes, commas) stays attached.
        var lead = 0;
        while (lead < text.Length && !char.IsLetter(text[lead]))
        {
            lead++;
        }

        var trail = text.Length;
        while (trail > lead && !char.IsLetter(text[trail - 1]))
        {
            trail--;
        }

        var core = text[lead..trail];
        if (core.Length == 0 || !core.All(char.IsLetter))
        {
            return piece.Start;
        }

        var clusters = piece.Shaped.Clusters;
        var breaks = new List<int>();
        foreach (var point in hyphenator!.Points(core))
        {
            var g = Array.IndexOf(clusters, lead + point);
            if (g > 0)
            {
                breaks.Add(g);
            }
        }

        var hyphen = Shaper.Shape(piece.Face, "-");
        var hyphenWidth = hyphen.TotalAdvance * piece.Scale;
        var start = piece.Start;
        while (true)
        {
            var rest = Width(piece, start, piece.End);
            if (x + rest <= maxWidth + Size.Epsilon)
            {
                Place(new TextPiece(piece.Face, piece.Style, piece.Shaped, start, piece.End));
                return piece.End;
            }

            var best = -1;
            foreach (var g in breaks)
            {
                if (g > start && x + Width(piece, start, g) + hyphenWidth <= maxWidth + Size.Epsilon)
                {
                    best = g;
                }
            }

            if (best < 0)
            {
                if (line.Pieces.Count > 0 && start == piece.Start)
                {
                    Finish(endsParagraph: false);
                    continue;
                }

                return start;
            }

            Place(new TextPiece(piece.Face, piece.Style, piece.Shaped, start, best));
            Place(new TextPiece(piece.Face, piece.Style, hyphen, 0, hyphen.Glyphs.Length) { IsHyphen = true });
            Finish(endsParagraph: false);
            start = best;
        }
    }

    private static float Width(TextPiece piece, int start, int end)
    {
        var units = 0;
        for (var g = start; g < end; g++)
        {
            units += piece.Shaped.Advances[g];
        }

        return units * piece.Scale;
    }

    private void Finish(bool endsParagraph)
    {
        // Trailing spaces do not belong to the line's width, nor to justification.
        while (line.Pieces.Count > 0 && line.Pieces[^1].Piece.IsSpace)
        {
            var last = line.Pieces[^1].Piece;
            line.SpaceGlyphs -= last.End - last.Start;
            line.Pieces.RemoveAt(line.Pieces.Count - 1);
        }

        float ascent = 0, descent = 0, height = 0;
        if (line.Pieces.Count == 0)
        {
            var face = FontManager.Resolve(emptyLineStyle.Family, emptyLineStyle.IsBold == true, emptyLineStyle.IsItalic == true);
            Measure(face, emptyLineStyle.Size ?? 10, emptyLineStyle.LineHeightFactor, ref ascent, ref descent, ref height);
        }

        foreach (var (piece, _) in line.Pieces)
        {
            Measure(piece.Face, piece.Size, piece.Style.LineHeightFactor, ref ascent, ref descent, ref height);
        }

        line.Height = height;
        line.Baseline = (height - (ascent + descent)) / 2 + ascent;
        line.EndsParagraph = endsParagraph;
        lines.Add(line);
        line = new TextLine();
        x = 0;
    }

    private static void Measure(Fonts.FontFace face, float size, float? factor, ref float ascent, ref float descent, ref float height)
    {
        ascent = Math.Max(ascent, face.Ascent * size);
        descent = Math.Max(descent, face.Descent * size);
        height = Math.Max(height, factor is { } f ? f * size : (face.Ascent + face.Descent + face.LineGap) * size);
    }
}
