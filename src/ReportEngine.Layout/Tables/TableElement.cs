using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Tables;

/// <summary>
/// A table: header and footer rows repeated on every page, body rows that move whole to the next page when they
/// do not fit, and split cleanly only when taller than a page. Padding, borders, zebra stripes are drawn here.
/// </summary>
internal sealed class TableElement : Element, IStateful
{
    private IRowSource? body;
    private List<RowGroup>? header;
    private List<RowGroup>? footer;
    private int current;
    private bool finished;
    private WrapGuard guard;
    private TablePageLayout? cached;
    private (Size Size, int Current, int Page) cachedKey;

    public List<TableColumn> Columns { get; } = [];
    public List<TableCellElement> HeaderCells { get; } = [];
    public List<TableCellElement> FooterCells { get; } = [];
    public List<TableCellElement> BodyCells { get; } = [];
    public TableOptions Options { get; } = new();

    /// <summary>Each column's narrowest width that breaks no word inside (see <see cref="ColumnMinimums"/>).</summary>
    public float[]? MinimumWidths { get; private set; }

    /// <summary>The same with header words at the narrowest font step (see <see cref="HeaderFontStep"/>).</summary>
    public float[]? MinimumWidthsAtFloor { get; private set; }

    /// <summary>For on-demand rows: how many, and how to build row i.</summary>
    public (int Count, Func<int, List<TableCellElement>> Build)? LazyRows { get; set; }

    /// <summary>The inherited text style, kept so rows built on demand inherit it too.</summary>
    public TextStyle InheritedStyle { get; set; } = TextStyle.Default;

    public override IEnumerable<Element> Children =>
        HeaderCells.Concat(FooterCells).Concat(body?.Cells ?? BodyCells);

    public void ResetState()
    {
        current = 0;
        finished = false;
        guard.Reset();
        cached = null;
        foreach (var cell in HeaderCells.Concat(FooterCells).Concat(BodyCells))
        {
            cell.IsDone = false;
        }

        if (body is LazyRowSource lazy)
        {
            lazy.Clear();
        }
    }

    public override SpacePlan Measure(Size available) => finished ? SpacePlan.Empty() : Layout(available).Plan;

    public override void Draw(Size available)
    {
        if (finished)
        {
            return;
        }

        var layout = Layout(available);
        if (layout.Plan.IsWrap)
        {
            return;
        }

        var painter = new TablePainter(this, layout);
        if (layout.Header is not null)
        {
            painter.Paint(layout.Header, Options.HeaderBackground, repeat: true);
        }

        foreach (var placement in layout.Body)
        {
            var done = painter.Paint(placement, null, repeat: false);
            if (done)
            {
                current++;
            }
        }

        if (layout.Footer is not null)
        {
            painter.Paint(layout.Footer, Options.FooterBackground, repeat: true);
        }

        cached = null;
        body!.Release(current);
        finished = !body.Has(current);
    }

    private TablePageLayout Layout(Size available)
    {
        Prepare();
        var key = (available, current, Context.PageNumber);
        if (cached is not null && cachedKey == key)
        {
            return cached;
        }

        cached = new TablePlanner(this, available).Plan(body!, current, header!, footer!, ref guard);
        cachedKey = key;
        return cached;
    }

    private void Prepare()
    {
        if (body is not null)
        {
            return;
        }

        header = TableGrid.Place(HeaderCells, Columns.Count);
        footer = TableGrid.Place(FooterCells, Columns.Count);
        if (LazyRows is { } lazy)
        {
            body = new LazyRowSource(lazy.Count, lazy.Build, Attach, Columns.Count);
        }
        else
        {
            body = new ListRowSource(TableGrid.Place(BodyCells, Columns.Count));
        }

        (MinimumWidths, MinimumWidthsAtFloor) = ColumnMinimums.Measure(this, body);
    }

    /// <summary>Wires a cell built on demand into the tree like the rest (parent, canvas, context, text style).</summary>
    private void Attach(TableCellElement cell)
    {
        cell.Parent = this;
        TreeWalker.Attach(cell, Canvas, Context, InheritedStyle);
    }

    public override string Describe() => $"Table ({Columns.Count} columns)";
}
