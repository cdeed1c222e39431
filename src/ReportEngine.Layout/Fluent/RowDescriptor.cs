using ReportEngine.Layout.Elements;

namespace ReportEngine.Layout;

/// <summary>Builds a row: items side by side.</summary>
public sealed class RowDescriptor
{
    private readonly RowElement row;

    internal RowDescriptor(RowElement row)
    {
        this.row = row;
    }

    /// <summary>Horizontal space between items, in points.</summary>
    public RowDescriptor Spacing(float spacing)
    {
        row.Spacing = spacing;
        return this;
    }

    /// <summary>An item taking a share of the width left by constant and auto items, proportional to <paramref name="weight"/>.</summary>
    public IContainer RelativeItem(float weight = 1) => Add(RowItemKind.Relative, weight > 0 ? weight : throw new ArgumentOutOfRangeException(nameof(weight)));

    /// <summary>An item of a fixed width in points.</summary>
    public IContainer ConstantItem(float width) => Add(RowItemKind.Constant, width >= 0 ? width : throw new ArgumentOutOfRangeException(nameof(width)));

    /// <summary>An item as wide as its content (e.g. a single line of text).</summary>
    public IContainer AutoItem() => Add(RowItemKind.Auto, 0);

    private RowItem Add(RowItemKind kind, float value)
    {
        var item = new RowItem { Kind = kind, Value = value };
        row.Items.Add(item);
        return item;
    }
}
