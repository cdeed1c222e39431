using ReportEngine.Layout.Infrastructure;
using ReportEngine.Layout.Text;

namespace ReportEngine.Layout.Tables;

/// <summary>
/// The narrowest each column may be without breaking a word inside: the widest unbreakable run of text in its
/// header, footer and body cells (single-column cells only), plus the cell padding. The table planner widens
/// columns to these minimums, taking the width from columns with room to spare.
/// </summary>
internal static class ColumnMinimums
{
    // Rows built on demand are sampled, not all built: a 10,000-page appendix must stay cheap to plan.
    private const int LazyRowSample = 300;

    /// <returns>The minimums with header words at their own size, and with header words at the narrowest font step.</returns>
    public static (float[] Natural, float[] AtFloor) Measure(TableElement table, IRowSource body)
    {
        var minimums = new float[table.Columns.Count];
        var atFloor = new float[table.Columns.Count];
        var headers = table.HeaderCells.ToHashSet();
        var cells = table.HeaderCells.Concat(table.FooterCells);
        cells = table.LazyRows is { } lazy
            ? cells.Concat(Enumerable.Range(0, Math.Min(lazy.Count, LazyRowSample)).SelectMany(i => body.Get(i).Cells))
            : cells.Concat(table.BodyCells);
        foreach (var cell in cells.ToList())
        {
            if (cell.ColumnSpan != 1 || cell.Column < 0 || cell.Column >= minimums.Length)
            {
                continue;
            }

            var texts = Texts(cell).ToList();
            var widest = texts.Select(HeaderFontStep.NaturalLongestWord).DefaultIfEmpty(0).Max();
            var floor = headers.Contains(cell) ? texts.Select(t => HeaderFontStep.NaturalLongestWord(t) * HeaderFontStep.FloorFactor(t)).DefaultIfEmpty(0).Max() : widest;
            minimums[cell.Column] = Math.Max(minimums[cell.Column], widest + 2 * table.Options.PaddingHorizontal);
            atFloor[cell.Column] = Math.Max(atFloor[cell.Column], floor + 2 * table.Options.PaddingHorizontal);
        }

        return (minimums, atFloor);
    }

    /// <summary>True when every column is at least its minimum.</summary>
    public static bool Meets(float[] widths, float[] minimums) =>
        widths.Zip(minimums).All(p => p.First >= p.Second - Size.Epsilon);

    public static IEnumerable<TextBlockElement> Texts(Element element) =>
        element is TextBlockElement text ? [text] : element.Children.SelectMany(Texts);

    /// <summary>
    /// Widens the columns narrower than their minimum, taking the width from the others in proportion to what
    /// they have beyond their own minimum. When all minimums together are wider than the table, nothing
    /// changes: some word must break anyway, and the template's proportions are kept.
    /// </summary>
    public static float[] Rebalance(float[] widths, float[] minimums)
    {
        var deficit = 0f;
        var slack = 0f;
        for (var i = 0; i < widths.Length; i++)
        {
            deficit += Math.Max(0, minimums[i] - widths[i]);
            slack += Math.Max(0, widths[i] - minimums[i]);
        }

        if (deficit <= Size.Epsilon || slack < deficit)
        {
            return widths;
        }

        var result = new float[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            result[i] = widths[i] < minimums[i]
                ? minimums[i]
                : widths[i] - deficit * (widths[i] - minimums[i]) / slack;
        }

        return result;
    }
}
