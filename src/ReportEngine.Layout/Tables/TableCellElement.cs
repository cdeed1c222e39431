using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tables;

/// <summary>A table cell: the user's content (Child) plus its place in the grid. Padding, borders and backgrounds are drawn by the table.</summary>
internal sealed class TableCellElement : ContainerElement, ITableCellContainer
{
    /// <summary>0-based grid row within its part (header, body or footer); set when the grid is placed.</summary>
    public int Row { get; set; } = -1;

    /// <summary>0-based grid column; set when the grid is placed.</summary>
    public int Column { get; set; } = -1;

    public int RowSpan { get; set; } = 1;
    public int ColumnSpan { get; set; } = 1;

    /// <summary>Its content finished on an earlier page of a row that splits over pages.</summary>
    public bool IsDone { get; set; }

    public Color? BackgroundColor { get; set; }

    ITableCellContainer ITableCellContainer.ColumnSpan(int columns)
    {
        ColumnSpan = columns >= 1 ? columns : throw new ArgumentOutOfRangeException(nameof(columns));
        return this;
    }

    ITableCellContainer ITableCellContainer.RowSpan(int rows)
    {
        RowSpan = rows >= 1 ? rows : throw new ArgumentOutOfRangeException(nameof(rows));
        return this;
    }

    ITableCellContainer ITableCellContainer.Background(Color color)
    {
        BackgroundColor = color;
        return this;
    }

    public override string Describe() => $"Cell (row {Row + 1}, column {Column + 1})";
}

/// <summary>Consecutive rows tied together by row spans: the unit the table moves to the next page.</summary>
internal sealed class RowGroup
{
    public required int FirstRow { get; init; }
    public required int RowCount { get; init; }
    public required List<TableCellElement> Cells { get; init; }
}
