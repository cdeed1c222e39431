using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tables;

/// <summary>Draws placed row groups: cell backgrounds (own, header, zebra), content inside padding, then borders.</summary>
internal sealed class TablePainter(TableElement table, TablePageLayout layout)
{
    private ICanvas Canvas => table.Canvas;

    /// <summary>Paints one placement; returns whether the group is finished (always, unless it split and continues).</summary>
    public bool Paint(GroupPlacement placement, Color? partBackground, bool repeat)
    {
        var options = table.Options;
        var allDone = true;
        PaintRowBands(placement, partBackground, repeat);
        foreach (var cell in placement.Group.Cells)
        {
            var x = layout.ColumnLefts[Math.Min(cell.Column, layout.ColumnLefts.Length - 1)];
            var width = layout.CellWidth(cell);
            var (offset, height) = placement.Span(cell);
            var y = placement.Top + offset;

            if (cell.BackgroundColor is { } color)
            {
                Canvas.FillRectangle(x, y, width, height, color);
            }

            if (!cell.IsDone)
            {
                var inner = new Size(Math.Max(0, width - 2 * options.PaddingHorizontal), Math.Max(0, height - 2 * options.PaddingVertical));
                var plan = cell.Measure(inner);
                if (!plan.IsWrap)
                {
                    Canvas.Translate(x + options.PaddingHorizontal, y + options.PaddingVertical);
                    cell.Draw(inner);
                    Canvas.Translate(-(x + options.PaddingHorizontal), -(y + options.PaddingVertical));
                }

                if (repeat)
                {
                    TreeWalker.ResetState(cell, betweenPages: true);
                }
                else
                {
                    cell.IsDone = plan.Kind is SpacePlanKind.Full or SpacePlanKind.Empty;
                }
            }

            allDone &= repeat || cell.IsDone;
            if (options.BorderWidth > 0)
            {
                StrokeBox(x, y, width, height, options.BorderWidth, options.BorderColor);
            }
        }

        return allDone;
    }

    /// <summary>Header, footer and zebra colours fill whole rows at once: one rectangle per row, not per cell.</summary>
    private void PaintRowBands(GroupPlacement placement, Color? partBackground, bool repeat)
    {
        var width = layout.ColumnWidths.Sum();
        var top = placement.Top;
        for (var r = 0; r < placement.RowHeights.Length; r++)
        {
            var row = placement.Group.FirstRow + r;
            var color = partBackground ?? (!repeat && table.Options.ZebraColor is { } zebra && row % 2 == 1 ? zebra : null);
            if (color is { } fill)
            {
                Canvas.FillRectangle(0, top, width, placement.RowHeights[r], fill);
            }

            top += placement.RowHeights[r];
        }
    }

    private void StrokeBox(float x, float y, float width, float height, float thickness, Color color)
    {
        // Centred on the edges: neighbouring cells draw the shared line on the same spot.
        var half = thickness / 2;
        Canvas.FillRectangle(x - half, y - half, width + thickness, thickness, color);
        Canvas.FillRectangle(x - half, y + height - half, width + thickness, thickness, color);
        Canvas.FillRectangle(x - half, y - half, thickness, height + thickness, color);
        Canvas.FillRectangle(x + width - half, y - half, thickness, height + thickness, color);
    }
}
