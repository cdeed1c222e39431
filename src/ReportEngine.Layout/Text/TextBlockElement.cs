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
    private int firstLine;
    private bool? hasDynamicSpans;

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

    private List<TextLine> GetLines(float width)
    {
        hasDynamicSpans ??= Spans.Exists(s => s.DynamicText is not null);
        if (tokens is null || hasDynamicSpans == true)
        {
            var resolved = Spans.ConvertAll(s => (Text: s.Resolve(Context), Style: s.Style.InheritFrom(BlockStyle.InheritFrom(InheritedStyle))));
            var key = hasDynamicSpans == true ? string.Join('\u0001', resolved.Select(r => r.Text)) : "";
            if (tokens is null || key != tokensKey)
            {
                tokens = Tokenizer.Tokenize(resolved, Context.FontUsage);
                tokensKey = key;
                lines = null;
            }
        }

        // Lines laid out for a wider box stay valid in any box at least as wide as their longest line.
        if (lines is not null && (width == linesWidth || (width <= linesWidth && width >= linesContentWidth - Size.Epsilon)))
        {
            return lines;
        }

        var blockStyle = BlockStyle.InheritFrom(InheritedStyle);
        var emptyStyle = Spans.Count > 0 ? Spans[0].Style.InheritFrom(blockStyle) : blockStyle;
        lines = LineBreaker.Break(tokens, width, emptyStyle);
        linesWidth = width;
        linesContentWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Width);
        return lines;
    }
}
