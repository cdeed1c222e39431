using ReportEngine.Layout.Tables;

namespace ReportEngine.Layout;

/// <summary>
/// Builds a table: columns, header and footer rows (repeated on every page), body cells filled in reading order,
/// and drawing options. Cells get 4 pt horizontal and 2 pt vertical padding and no borders unless set.
/// </summary>
public sealed class TableDescriptor
{
    private readonly TableElement table;

    internal TableDescriptor(TableElement table)
    {
        this.table = table;
    }

    /// <summary>Defines the columns, left to right.</summary>
    public TableDescriptor ColumnsDefinition(Action<TableColumnsDescriptor> define)
    {
        ArgumentNullException.ThrowIfNull(define);
        define(new TableColumnsDescriptor(table));
        return this;
    }

    /// <summary>Header rows, drawn at the top of the table on every page.</summary>
    public TableDescriptor Header(Action<TableCellsDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        build(new TableCellsDescriptor(table.HeaderCells));
        return this;
    }

    /// <summary>Footer rows, drawn under the table's last row on every page.</summary>
    public TableDescriptor Footer(Action<TableCellsDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        build(new TableCellsDescriptor(table.FooterCells));
        return this;
    }

    /// <summary>Adds a body cell at the next free place (left to right, then the next row).</summary>
    public ITableCellContainer Cell()
    {
        var cell = new TableCellElement();
        table.BodyCells.Add(cell);
        return cell;
    }

    /// <summary>
    /// Body rows built on demand, for very long tables: <paramref name="build"/> is called for row i (0-based)
    /// when the layout reaches it, and the row is dropped once drawn, so memory stays flat. Each row is built
    /// once per pass (twice per generation). Cells added with <see cref="Cell"/> are ignored when this is used.
    /// Rows built this way cannot span rows.
    /// </summary>
    public TableDescriptor Rows(int count, Action<int, TableCellsDescriptor> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        table.LazyRows = (count, index =>
        {
            var cells = new List<TableCellElement>();
            build(index, new TableCellsDescriptor(cells));
            return cells;
        }
        );
        return this;
    }

    /// <summary>Fills every second body row with a colour.</summary>
    public TableDescriptor ZebraRows(Color color)
    {
        table.Options.ZebraColor = color;
        return this;
    }

    /// <summary>Draws a line of this thickness (points) around every cell.</summary>
    public TableDescriptor CellBorder(float thickness, Color? color = null)
    {
        table.Options.BorderWidth = thickness;
        table.Options.BorderColor = color ?? table.Options.BorderColor;
        return this;
    }

    /// <summary>Space between a cell's edges and its content, in points.</summary>
    public TableDescriptor CellPadding(float horizontal, float vertical)
    {
        table.Options.PaddingHorizontal = horizontal;
        table.Options.PaddingVertical = vertical;
        return this;
    }

    /// <summary>Fills header cells with a colour.</summary>
    public TableDescriptor HeaderBackground(Color color)
    {
        table.Options.HeaderBackground = color;
        return this;
    }

    /// <summary>Fills footer cells with a colour.</summary>
    public TableDescriptor FooterBackground(Color color)
    {
        table.Options.FooterBackground = color;
        return this;
    }
}

/// <summary>Defines a table's columns.</summary>
public sealed class TableColumnsDescriptor
{
    private readonly TableElement table;

    internal TableColumnsDescriptor(TableElement table)
    {
        this.table = table;
    }

    /// <summary>A column of a fixed width in points.</summary>
    public TableColumnsDescriptor ConstantColumn(float width)
    {
        table.Columns.Add(new TableColumn(false, width));
        return this;
    }

    /// <summary>A column taking a share of the width the constant columns leave, proportional to <paramref name="weight"/>.</summary>
    public TableColumnsDescriptor RelativeColumn(float weight = 1)
    {
        table.Columns.Add(new TableColumn(true, weight));
        return this;
    }
}

/// <summary>Adds cells to a header, footer or on-demand row.</summary>
public sealed class TableCellsDescriptor
{
    private readonly List<TableCellElement> cells;

    internal TableCellsDescriptor(List<TableCellElement> cells)
    {
        this.cells = cells;
    }

    /// <summary>Adds a cell at the next free place.</summary>
    public ITableCellContainer Cell()
    {
        var cell = new TableCellElement();
        cells.Add(cell);
        return cell;
    }
}
