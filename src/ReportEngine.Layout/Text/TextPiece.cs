using ReportEngine.Layout.Fonts;

namespace ReportEngine.Layout.Text;

/// <summary>Glyphs [Start, End) of a shaped word in one face, size and colour: the unit placed on a line.</summary>
internal sealed class TextPiece
{
    public TextPiece(FontFace face, TextStyle style, ShapedText shaped, int start, int end)
    {
        Face = face;
        Style = style;
        Shaped = shaped;
        Start = start;
        End = end;
        Size = style.Size ?? 10;
        var units = 0;
        for (var i = start; i < end; i++)
        {
            units += shaped.Advances[i];
        }

        Width = units * Size / face.UnitsPerEm;
    }

    public FontFace Face { get; }

    /// <summary>The fully resolved style (every property set).</summary>
    public TextStyle Style { get; }

    public ShapedText Shaped { get; }
    public int Start { get; }
    public int End { get; }
    public float Size { get; }
    public float Width { get; }

    public float Scale => Size / Face.UnitsPerEm;

    /// <summary>Whether this piece is U+0020 glyphs (widened when justifying, dropped at line ends).</summary>
    public bool IsSpace { get; init; }

    /// <summary>A hyphen the line breaker added at a hyphenation point (not in the source text).</summary>
    public bool IsHyphen { get; init; }
}

/// <summary>A word (one or more pieces, e.g. when a fallback font draws some letters) and the spaces after it.</summary>
internal sealed class TextToken
{
    private readonly TextPiece[] word = [];

    public required TextPiece[] Word
    {
        get => word;
        init
        {
            word = value;
            foreach (var piece in value)
            {
                WordWidth += piece.Width;
            }
        }
    }
    public TextPiece? Space { get; init; }

    /// <summary>A line may break after this token (spaces or a hyphen follow it).</summary>
    public bool BreakAfter { get; init; }

    /// <summary>A newline in the text follows this token.</summary>
    public bool ForcedBreak { get; init; }

    public float WordWidth { get; private init; }
    public float SpaceWidth => Space?.Width ?? 0;
}

/// <summary>One laid-out line: pieces with x positions, its height and baseline.</summary>
internal sealed class TextLine
{
    public List<(TextPiece Piece, float X)> Pieces { get; } = [];
    public float Width { get; set; }
    public float Height { get; set; }
    public float Baseline { get; set; }
    public int SpaceGlyphs { get; set; }
    public bool EndsParagraph { get; set; }
}
