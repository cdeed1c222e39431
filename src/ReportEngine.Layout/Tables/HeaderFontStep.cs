using ReportEngine.Layout.Infrastructure;
using ReportEngine.Layout.Text;

namespace ReportEngine.Layout.Tables;

/// <summary>
/// The narrower font step for table headers: when a header word does not fit its column even after the planner
/// rebalanced the widths, the header's text is set smaller, half a point at a time down to 7 pt, before the word is
/// broken (at a hyphenation point). A smaller header keeps the word whole and readable; a broken word does not.
/// Only headers step down: body figures keep one size so the columns read alike.
/// </summary>
internal static class HeaderFontStep
{
    public const float Step = 0.5f;

    /// <summary>The smallest header size: still legible in print, and what 36-HD/VPTW-style tables use at least.</summary>
    public const float Floor = 7f;

    /// <summary>The longest word as at the styled size: word widths scale with the size (shaping has no hinting).</summary>
    public static float NaturalLongestWord(TextBlockElement text) => text.LongestWordWidth() / text.SizeFactor;

    public static float FloorFactor(TextBlockElement text) => Math.Min(1, Floor / text.StyledSize);

    /// <summary>Gives each single-column header text the largest step whose longest word fits the column (1 when it fits as styled).</summary>
    public static void Apply(TableElement table, float[] widths)
    {
        foreach (var cell in table.HeaderCells)
        {
            if (cell.ColumnSpan != 1 || cell.Column < 0 || cell.Column >= widths.Length)
            {
                continue;
            }

            var room = widths[cell.Column] - 2 * table.Options.PaddingHorizontal;
            foreach (var text in ColumnMinimums.Texts(cell))
            {
                text.SizeFactor = Factor(text, room);
            }
        }
    }

    private static float Factor(TextBlockElement text, float room)
    {
        var size = text.StyledSize;
        var longest = NaturalLongestWord(text);
        if (longest <= room + Size.Epsilon)
        {
            return 1;
        }

        for (var step = size - Step; step >= Floor - 1e-3f; step -= Step)
        {
            if (longest * step / size <= room + Size.Epsilon)
            {
                return step / size;
            }
        }

        return FloorFactor(text);
    }
}
