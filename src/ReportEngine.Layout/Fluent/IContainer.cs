namespace ReportEngine.Layout;

/// <summary>
/// A slot that takes exactly one piece of content. Extension methods in <see cref="ContainerExtensions"/> fill it:
/// decorations (<c>Padding</c>, <c>Border</c>, <c>Background</c>, <c>AlignRight</c>, …) return a new slot inside
/// themselves, content (<c>Text</c>, <c>Column</c>, <c>Table</c>, <c>Image</c>, …) ends the chain.
/// </summary>
public interface IContainer;

/// <summary>A table cell's slot, which can also span columns and rows.</summary>
public interface ITableCellContainer : IContainer
{
    /// <summary>Makes the cell span <paramref name="columns"/> columns.</summary>
    ITableCellContainer ColumnSpan(int columns);

    /// <summary>Makes the cell span <paramref name="rows"/> rows (rows it spans move between pages together).</summary>
    ITableCellContainer RowSpan(int rows);

    /// <summary>Fills the whole cell (including padding) with a colour, over any zebra stripe.</summary>
    ITableCellContainer Background(Color color);
}
