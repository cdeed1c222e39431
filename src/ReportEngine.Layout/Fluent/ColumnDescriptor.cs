using ReportEngine.Layout.Elements;

namespace ReportEngine.Layout;

/// <summary>Builds a column: items stacked vertically.</summary>
public sealed class ColumnDescriptor
{
    private readonly ColumnElement column;

    internal ColumnDescriptor(ColumnElement column)
    {
        this.column = column;
    }

    /// <summary>Vertical space between items, in points.</summary>
    public ColumnDescriptor Spacing(float spacing)
    {
        column.Spacing = spacing;
        return this;
    }

    /// <summary>Adds an item and returns its slot.</summary>
    public IContainer Item()
    {
        var item = new SlotElement { Name = "Item" };
        column.Items.Add(item);
        return item;
    }
}
