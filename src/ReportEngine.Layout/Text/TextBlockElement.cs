using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Text;

/// <summary>
/// A paragraph of styled spans. Lays out lines for a width (cached), places as many lines as fit on the page,
/// and continues with the rest on the next page.
/// </summary>
internal sealed class TextBlockElement : Element, IStateful
{
    private List<TextToken>? tokens;
    private string? tokensKey;
    private List<TextLine>? lines;
    private float linesWidth;
    private float linesContentWidth;

    // The layout before the current one: rows measure auto items at unlimited width, then at their real width,
    // on every page; keeping both avoids breaking the same lines again and again.
    private (List<TextLine>? Lines, float Width, float ContentWidth) previous;
    private int firstLine;
    private bool? hasDynamicSpans;
    private float sizeFactor = 1;

    // Shared per thread: thousands of text blocks per document, each needing them only while drawing a line.
    [ThreadStatic]
    private static float[]? positionsScratch;

    [ThreadStatic]
    private static float[]? offsetsScratch;

    public List<TextSpan> Spans { get; } = [];

    public TextAlignment Alignment { get; set; } = TextAlignment.Left;

    /// <summary>Block-level style (e.g. from <c>t.LineHeight</c>), applied between the inherited style and each span's own.</summary>
    public TextStyle BlockStyle { get; set; } = TextStyle.Inherit;

    /// <summary>The style inherited from enclosing default styles; set when the tree is prepared.</summary>
    public TextStyle InheritedStyle { get; set; } = TextStyle.Default;

    public void ResetState() => firstLine = 0;

    /// <summary>
    /// The table planner's narrower font step (<see cref="Tables.HeaderFontStep"/>): every span's size times this
    /// (1: as styled). Changing it lays the text out again.
    /// </summary>
    internal float SizeFactor
    {
        get => sizeFactor;
        set
        {
            if (Math.Abs(value - sizeFactor) > 1e-4f)
            {
                sizeFactor = value;
                tokens = null;
                lines = null;
                previous = default;
            }
        }
    }

    /// <summary>The size the first span is styled with, before any <see cref="SizeFactor"/>.</summary>
    internal float StyledSize =>
        (Spans.Count > 0 ? Spans[0].Style.InheritFrom(BlockStyle.InheritFrom(InheritedStyle)) : BlockStyle.InheritFrom(InheritedStyle)).Size ?? 10;

    public override SpacePlan Measure(Size available)
    {
        var all = GetLines(available.Width);
        if (firstLine >= all.Count)
        {
            return SpacePlan.Empty();
        }

        var count = CountFitting(all, available.Height, out var height);
        if (count == 0)
        {
            return SpacePlan.Wrap(this);
        }

        return firstLine + count == all.Count
            ? SpacePlan.Full(linesContentWidth, height)
            : SpacePlan.Partial(linesContentWidth, height);
    }

    public override void Draw(Size available)
    {
        var all = GetLines(available.Width);
        var count = CountFitting(all, available.Height, out _);
        if (Canvas is NullCanvas)
        {
            // Counting pass: only progress matters (characters used were recorded when the text was shaped).
            firstLine += count;
            return;
        }

        var y = 0f;
        for (var i = firstLine; i < firstLine + count; i++)
        {
            var line = all[i];
            DrawLine(line, y, available.Width, isLast: line.EndsParagraph);
            y += line.Height;
        }

        firstLine += count;
    }

    public override string Describe()
    {
        var text = string.Concat(Spans.Select(s => s.DynamicText is null ? s.Text : "#"));
        return $"Text \"{(text.Length > 40 ? text[..40] + "…" : text)}\"";
    }

    private int CountFitting(List<TextLine> all, float height, out float used)
    {
        used = 0;
        var count = 0;
        for (var i = firstLine; i < all.Count; i++)
        {
            if (used + all[i].Height > height + Size.Epsilon)
            {
                break;
            }

            used += all[i].Height;
            count++;
        }

        return count;
    }

    private void DrawLine(TextLine line, float top, float width, bool isLast)
    {
        var free = Math.Max(0, width - line.Width);
        var offset = Alignment switch
        {
            TextAlignment.Center => free / 2,
            TextAlignment.Right => free,
            _ => 0,
        };
        var extraPerSpace = Alignment == TextAlignment.Justify && !isLast && line.SpaceGlyphs > 0 ? free / line.SpaceGlyphs : 0;
        var baseline = top + line.Baseline;
        var spacesBefore = 0;
        foreach (var (piece, x) in line.Pieces)
        {
            var count = piece.End - piece.Start;
            if (positionsScratch is null || offsetsScratch is null || positionsScratch.Length < count)
            {
                positionsScratch = new float[Math.Max(64, count * 2)];
                offsetsScratch = new float[Math.Max(64, count * 2)];
            }

            var positions = positionsScratch.AsSpan(0, count);
            var offsets = offsetsScratch.AsSpan(0, count);
            var pen = 0f;
            var scale = piece.Scale;
            for (var g = 0; g < count; g++)
            {
                var index = piece.Start + g;
                positions[g] = pen + piece.Shaped.XOffsets[index] * scale;
                offsets[g] = -piece.Shaped.YOffsets[index] * scale;
                pen += piece.Shaped.Advances[index] * scale;
                if (piece.IsSpace)
                {
                    pen += extraPerSpace;
                }
            }

            var left = offset + x + spacesBefore * extraPerSpace;
            var style = piece.Style;
            var color = style.Color ?? Colors.Black;
            Canvas.DrawGlyphs(piece.Face, piece.Size, color, left, baseline, piece.Shaped.Glyphs.AsSpan(piece.Start, count), positions, offsets);
            if (style.IsUnderline == true)
            {
                var y = baseline + piece.Face.UnderlinePosition * piece.Size;
                Canvas.DrawLine(left, y, left + pen, y, Math.Max(0.3f, piece.Face.UnderlineThickness * piece.Size), color);
            }

            if (style.IsStrikethrough == true)
            {
                var y = baseline - piece.Face.Ascent * piece.Size * 0.3f;
                Canvas.DrawLine(left, y, left + pen, y, Math.Max(0.3f, piece.Face.UnderlineThickness * piece.Size), color);
            }

            if (style.LinkUrl is { } url)
            {
                Canvas.LinkToUrl(left, top, pen, line.Height, url);
            }
            else if (style.LinkSection is { } section)
            {
                Canvas.LinkToDestination(left, top, pen, line.Height, Elements.LocationLinkElement.DestinationName(section));
            }

            if (piece.IsSpace)
            {
                spacesBefore += count;
            }
        }
    }

    /// <summary>
    /// The widest run of text that no line break may split (words, and words glued by non-breaking joins):
    /// the table planner gives a column at least this much so no header or cell word breaks inside.
    /// </summary>
    public float LongestWordWidth()
    {
        EnsureTokens();
        var longest = 0f;
        var run = 0f;
        foreach (var token in tokens!)
        {
            run += token.WordWidth;
            longest = Math.Max(longest, run);
            run = token.BreakAfter ? 0 : run + token.SpaceWidth;
        }

        return longest;
    }

    private List<TextLine> Break(List<TextToken> all, float width, TextStyle emptyStyle)
    {
        var hyphenator = Context?.Hyphenator;
        var broken = LineBreaker.Break(all, width, emptyStyle, hyphenator);
        if (Alignment == TextAlignment.Center && broken.Count > 1 && IsLoneWord(broken[^1]))
        {
            broken = Balance(all, width, emptyStyle, hyphenator, broken);
        }

        foreach (var line in broken)
        {
            foreach (var (piece, _) in line.Pieces.Where(p => p.Piece.IsHyphen))
            {
                // The added hyphen must be in the font subset (the counting pass breaks the same lines).
                Context?.FontUsage.Add(piece.Face, '-');
            }
        }

        return broken;
    }

    /// <summary>A last line of a single word (no space inside it): a centred title left with an orphan.</summary>
    private static bool IsLoneWord(TextLine line) => line.SpaceGlyphs == 0 && line.Pieces.Count > 0 && !line.Pieces.Any(p => p.Piece.IsHyphen);

    /// <summary>
    /// Re-breaks a centred paragraph at narrower widths, keeping its line count, until its last line holds more
    /// than one word: lines of even length instead of a long line and an orphan.
    /// </summary>
    private static List<TextLine> Balance(List<TextToken> all, float width, TextStyle emptyStyle, Hyphenation.Hyphenator? hyphenator, List<TextLine> original)
    {
        var widest = original.Max(l => l.Width);
        for (var narrower = widest - 1; narrower > widest / 2; narrower -= 1)
        {
            var candidate = LineBreaker.Break(all, narrower, emptyStyle, null);
            if (candidate.Count > original.Count)
            {
                break;
            }

            if (!IsLoneWord(candidate[^1]))
            {
                return candidate;
            }
        }

        return original;
    }

    private void EnsureTokens()
    {
        hasDynamicSpans ??= Spans.Exists(s => s.DynamicText is not null);
        if (tokens is null || hasDynamicSpans == true)
        {
            var resolved = Spans.ConvertAll(s => (Text: s.Resolve(Context), Style: Scaled(s.Style.InheritFrom(BlockStyle.InheritFrom(InheritedStyle)))));
            var key = hasDynamicSpans == true ? string.Join('\u0001', resolved.Select(r => r.Text)) : "";
            if (tokens is null || key != tokensKey)
            {
                tokens = Tokenizer.Tokenize(resolved, Context.FontUsage);
                tokensKey = key;
                lines = null;
                previous = default;
            }
        }
    }

    private TextStyle Scaled(TextStyle style) => sizeFactor == 1 ? style : style with { Size = (style.Size ?? 10) * sizeFactor };

    // Lines laid out for a wider box stay valid in any box at least as wide as their longest line.
    private static bool Fits(float width, float laidOutWidth, float contentWidth) =>
        width == laidOutWidth || (width <= laidOutWidth && width >= contentWidth - Size.Epsilon);

    private List<TextLine> GetLines(float width)
    {
        EnsureTokens();
        if (lines is not null && Fits(width, linesWidth, linesContentWidth))
        {
            return lines;
        }

        if (previous.Lines is { } earlier && Fits(width, previous.Width, previous.ContentWidth))
        {
            var (earlierWidth, earlierContentWidth) = (previous.Width, previous.ContentWidth);
            previous = (lines, linesWidth, linesContentWidth);
            (lines, linesWidth, linesContentWidth) = (earlier, earlierWidth, earlierContentWidth);
            return earlier;
        }

        previous = (lines, linesWidth, linesContentWidth);

        var blockStyle = BlockStyle.InheritFrom(InheritedStyle);
        var emptyStyle = Scaled(Spans.Count > 0 ? Spans[0].Style.InheritFrom(blockStyle) : blockStyle);
        lines = Break(tokens!, width, emptyStyle);
        linesWidth = width;
        linesContentWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Width);
        return lines;
    }
}
