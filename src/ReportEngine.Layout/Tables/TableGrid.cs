namespace ReportEngine.Layout.Tables;

/// <summary>Places cells on the grid in reading order (skipping slots taken by spans) and cuts rows into groups.</summary>
internal static class TableGrid
{
    public static List<RowGroup> Place(List<TableCellElement> cells, int columnCount, int firstRow = 0)
    {
        var taken = new List<bool[]>();
        var row = 0;
        var column = 0;
        foreach (var cell in cells)
        {
            cell.ColumnSpan = Math.Min(cell.ColumnSpan, columnCount);
            while (true)
            {
                if (column + cell.ColumnSpan > columnCount)
                {
                    row++;
                    column = 0;
                }

                if (IsFree(taken, row, column, cell.ColumnSpan, columnCount))
                {
                    break;
                }

                column++;
            }

            cell.Row = firstRow + row;
            cell.Column = column;
            for (var r = row; r < row + cell.RowSpan; r++)
            {
                for (var c = column; c < column + cell.ColumnSpan; c++)
                {
                    Slot(taken, r, columnCount)[c] = true;
                }
            }

            column += cell.ColumnSpan;
        }

        return Group(cells, firstRow);
    }

    private static List<RowGroup> Group(List<TableCellElement> cells, int firstRow)
    {
        var groups = new List<RowGroup>();
        var i = 0;
        while (i < cells.Count)
        {
            var start = cells[i].Row;
            var end = start + cells[i].RowSpan - 1;
            var groupCells = new List<TableCellElement>();

            // Cells arrive in row order; a group ends where no span reaches into the next row.
            while (i < cells.Count && cells[i].Row <= end)
            {
                end = Math.Max(end, cells[i].Row + cells[i].RowSpan - 1);
                groupCells.Add(cells[i]);
                i++;
            }

            groups.Add(new RowGroup { FirstRow = start - firstRow + firstRow, RowCount = end - start + 1, Cells = groupCells });
        }

        return groups;
    }

    private static bool IsFree(List<bool[]> taken, int row, int column, int span, int columnCount)
    {
        var slots = Slot(taken, row, columnCount);
        for (var c = column; c < column + span; c++)
        {
            if (slots[c])
            {
                return false;
            }
        }

        return true;
    }

    private static bool[] Slot(List<bool[]> taken, int row, int columnCount)
    {
        while (taken.Count <= row)
        {
            taken.Add(new bool[columnCount]);
        }

        return taken[row];
    }
}
