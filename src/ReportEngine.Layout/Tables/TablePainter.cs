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
        foreach (var cell in placement.Group.Cells)
        {
            var x = layout.ColumnLefts[Math.Min(cell.Column, layout.ColumnLefts.Length - 1)];
            var width = layout.CellWidth(cell);
            var (offset, height) = placement.Span(cell);
            var y = placement.Top + offset;

            var background = cell.BackgroundColor ?? partBackground
                ?? (!repeat && options.ZebraColor is { } zebra && cell.Row % 2 == 1 ? zebra : null);
            if (background is { } color)
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
