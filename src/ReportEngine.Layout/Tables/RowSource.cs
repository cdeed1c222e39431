using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tables;

/// <summary>Where a table's body row groups come from: a list built up front, or a callback building rows on demand.</summary>
internal interface IRowSource
{
    bool Has(int index);

    RowGroup Get(int index);

    /// <summary>Groups before this index are finished and may be dropped (flat memory for huge tables).</summary>
    void Release(int belowIndex);

    /// <summary>Cells currently held, for tree walks.</summary>
    IEnumerable<Element> Cells { get; }
}

internal sealed class ListRowSource(List<RowGroup> groups) : IRowSource
{
    public bool Has(int index) => index < groups.Count;

    public RowGroup Get(int index) => groups[index];

    public void Release(int belowIndex)
    {
    }

    public IEnumerable<Element> Cells => groups.SelectMany(g => g.Cells);
}

/// <summary>
/// Rows built by a callback when the layout reaches them and dropped once drawn: a 10,000-page table never
/// exists in memory as a whole. The counting pass and the drawing pass each build every row once.
/// </summary>
internal sealed class LazyRowSource(int rowCount, Func<int, List<TableCellElement>> build, Action<TableCellElement> attach, int columnCount) : IRowSource
{
    private readonly Dictionary<int, RowGroup> built = [];

    public bool Has(int index) => index < rowCount;

    public RowGroup Get(int index)
    {
        if (built.TryGetValue(index, out var group))
        {
            return group;
        }

        var cells = build(index);
        foreach (var cell in cells)
        {
            cell.RowSpan = 1;
        }

        var groups = TableGrid.Place(cells, columnCount, index);
        group = new RowGroup { FirstRow = index, RowCount = groups.Sum(g => g.RowCount), Cells = cells };
        foreach (var cell in cells)
        {
            attach(cell);
        }

        built[index] = group;
        return group;
    }

    public void Release(int belowIndex)
    {
        foreach (var key in built.Keys.Where(k => k < belowIndex).ToList())
        {
            built.Remove(key);
        }
    }

    public void Clear() => built.Clear();

    public IEnumerable<Element> Cells => built.Values.SelectMany(g => g.Cells);
}
