using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tables;

/// <summary>Where one row group goes on the current page: row heights, or one band if the group splits here.</summary>
internal sealed class GroupPlacement
{
    public required RowGroup Group { get; init; }
    public required float Top { get; init; }
    public required float[] RowHeights { get; init; }

    /// <summary>The group is taller than the room and draws partly here, continuing on the next page.</summary>
    public bool Split { get; init; }

    public float Height => RowHeights.Sum();

    public (float Top, float Height) Span(TableCellElement cell)
    {
        if (Split)
        {
            return (0, Height);
        }

        var first = cell.Row - Group.FirstRow;
        var top = 0f;
        for (var r = 0; r < first; r++)
        {
            top += RowHeights[r];
        }

        var height = 0f;
        for (var r = first; r < Math.Min(RowHeights.Length, first + cell.RowSpan); r++)
        {
            height += RowHeights[r];
        }

        return (top, height);
    }
}

/// <summary>A table's layout on one page: column geometry, header, body groups and footer.</summary>
internal sealed class TablePageLayout
{
    public required float[] ColumnLefts { get; init; }
    public required float[] ColumnWidths { get; init; }
    public GroupPlacement? Header { get; set; }
    public List<GroupPlacement> Body { get; } = [];
    public GroupPlacement? Footer { get; set; }
    public SpacePlan Plan { get; set; }

    public float CellWidth(TableCellElement cell)
    {
        var width = 0f;
        for (var c = cell.Column; c < Math.Min(ColumnWidths.Length, cell.Column + cell.ColumnSpan); c++)
        {
            width += ColumnWidths[c];
        }

        return width;
    }
}
