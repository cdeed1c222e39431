using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tables;

/// <summary>Decides which row groups go on the current page and how tall each row is.</summary>
internal sealed class TablePlanner
{
    private readonly TableElement table;
    private readonly Size available;
    private readonly TablePageLayout layout;

    public TablePlanner(TableElement table, Size available)
    {
        this.table = table;
        this.available = available;
        var (lefts, widths) = ColumnGeometry(table, available.Width);
        layout = new TablePageLayout { ColumnLefts = lefts, ColumnWidths = widths };
    }

    private float PadH => table.Options.PaddingHorizontal;
    private float PadV => table.Options.PaddingVertical;

    public TablePageLayout Plan(IRowSource body, int current, List<RowGroup> header, List<RowGroup> footer, ref WrapGuard guard)
    {
        if (layout.ColumnWidths.Sum() > available.Width + Size.Epsilon)
        {
            layout.Plan = SpacePlan.Wrap(table);
            return layout;
        }

        var headerPlacement = FitAll(header, 0, out var headerCulprit);
        var footerProbe = FitAll(footer, 0, out var footerCulprit);
        if (headerCulprit is not null || footerCulprit is not null)
        {
            layout.Plan = SpacePlan.Wrap(headerCulprit ?? footerCulprit!);
            return layout;
        }

        var headerHeight = headerPlacement?.Height ?? 0;
        var footerHeight = footerProbe?.Height ?? 0;
        var room = available.Height - headerHeight - footerHeight;
        if (room < -Size.Epsilon)
        {
            layout.Plan = SpacePlan.Wrap(table);
            return layout;
        }

        var top = headerHeight;
        var index = current;
        while (body.Has(index))
        {
            var group = body.Get(index);
            var fit = TryFit(group, top, room - (top - headerHeight), out var culprit);
            if (fit is not null)
            {
                layout.Body.Add(fit);
                top += fit.Height;
                index++;
                continue;
            }

            if (layout.Body.Count == 0)
            {
                // The first row here does not fit. Move it to the next page if it would fit on an empty one
                // (once: the guard forces a split next time); else split it here.
                var fresh = table.Context.ContentAreaSize.Height - headerHeight - footerHeight;
                var fitsFresh = fresh > room + Size.Epsilon && TryFit(group, top, fresh, out _) is not null;
                if (fitsFresh && guard.MayWrap(table.Context))
                {
                    layout.Plan = SpacePlan.Wrap(culprit ?? table);
                    return layout;
                }

                var split = SplitFit(group, top, room, out var splitCulprit);
                if (split is null)
                {
                    layout.Plan = SpacePlan.Wrap(splitCulprit ?? culprit ?? table);
                    return layout;
                }

                layout.Body.Add(split);
                top += split.Height;
            }

            break;
        }

        var complete = !body.Has(index);
        layout.Header = headerPlacement;
        if (footerProbe is not null)
        {
            layout.Footer = new GroupPlacement { Group = footerProbe.Group, Top = top, RowHeights = footerProbe.RowHeights };
        }

        var height = top + footerHeight;
        layout.Plan = complete ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
        return layout;
    }

    /// <summary>Header or footer rows: all must fit whole; they are merged into one placement.</summary>
    private GroupPlacement? FitAll(List<RowGroup> groups, float top, out Element? culprit)
    {
        culprit = null;
        if (groups.Count == 0)
        {
            return null;
        }

        var merged = new RowGroup
        {
            FirstRow = groups[0].FirstRow,
            RowCount = groups.Sum(g => g.RowCount),
            Cells = groups.SelectMany(g => g.Cells).ToList(),
        };
        var fit = TryFit(merged, top, available.Height, out var failed);
        if (fit is null)
        {
            culprit = failed ?? table;
        }

        return fit;
    }

    private GroupPlacement? TryFit(RowGroup group, float top, float room, out Element? culprit)
    {
        culprit = null;
        var heights = new float[group.RowCount];
        List<(TableCellElement Cell, float Height)>? spanning = null;
        foreach (var cell in group.Cells)
        {
            float height;
            if (cell.IsDone)
            {
                height = 0;
            }
            else
            {
                var plan = MeasureCell(cell, room);
                if (plan.Kind is SpacePlanKind.Wrap or SpacePlanKind.Partial)
                {
                    culprit = plan.Culprit ?? cell;
                    return null;
                }

                height = plan.Height;
            }

            var row = cell.Row - group.FirstRow;
            if (cell.RowSpan == 1)
            {
                heights[row] = Math.Max(heights[row], height);
            }
            else
            {
                (spanning ??= []).Add((cell, height));
            }
        }

        foreach (var (cell, height) in spanning ?? [])
        {
            var first = cell.Row - group.FirstRow;
            var last = Math.Min(heights.Length - 1, first + cell.RowSpan - 1);
            var sum = 0f;
            for (var r = first; r <= last; r++)
            {
                sum += heights[r];
            }

            if (height > sum)
            {
                heights[last] += height - sum;
            }
        }

        return heights.Sum() <= room + Size.Epsilon ? new GroupPlacement { Group = group, Top = top, RowHeights = heights } : null;
    }

    /// <summary>A group taller than a page: every unfinished cell draws what fits in one band.</summary>
    private GroupPlacement? SplitFit(RowGroup group, float top, float room, out Element? culprit)
    {
        culprit = null;
        var band = 0f;
        var placedAny = false;
        foreach (var cell in group.Cells.Where(c => !c.IsDone))
        {
            var plan = MeasureCell(cell, room);
            if (plan.IsWrap)
            {
                culprit ??= plan.Culprit ?? cell;
                continue;
            }

            placedAny |= !plan.IsEmpty;
            band = Math.Max(band, plan.Height);
        }

        return placedAny ? new GroupPlacement { Group = group, Top = top, RowHeights = [band], Split = true } : null;
    }

    public SpacePlan MeasureCell(TableCellElement cell, float room)
    {
        var width = layout.CellWidth(cell);
        var plan = cell.Measure(new Size(Math.Max(0, width - 2 * PadH), Math.Max(0, room - 2 * PadV)));
        return plan.Kind is SpacePlanKind.Wrap ? plan
            : plan.Kind is SpacePlanKind.Empty ? SpacePlan.Full(width, 2 * PadV)
            : plan.WithSize(width, plan.Height + 2 * PadV);
    }

    /// <summary>
    /// The columns' widths: the template's proportions, rebalanced so no word must break; when that cannot be done
    /// at the header's own size, rebalanced for the header at a narrower font step, which the header then takes.
    /// </summary>
    private static (float[] Lefts, float[] Widths) ColumnGeometry(TableElement table, float width)
    {
        var columns = table.Columns;
        var constant = columns.Where(c => !c.IsRelative).Sum(c => c.Value);
        var weights = columns.Where(c => c.IsRelative).Sum(c => c.Value);
        var rest = Math.Max(0, width - constant);
        var widths = columns.Select(c => c.IsRelative ? (weights > 0 ? rest * c.Value / weights : 0) : c.Value).ToArray();
        if (table.MinimumWidths is { } minimums)
        {
            var balanced = ColumnMinimums.Rebalance(widths, minimums);
            if (!ColumnMinimums.Meets(balanced, minimums) && table.MinimumWidthsAtFloor is { } atFloor)
            {
                balanced = ColumnMinimums.Rebalance(widths, atFloor);
            }

            widths = balanced;
            HeaderFontStep.Apply(table, widths);
        }

        var lefts = new float[widths.Length];
        for (var i = 1; i < widths.Length; i++)
        {
            lefts[i] = lefts[i - 1] + widths[i - 1];
        }

        return (lefts, widths);
    }
}
