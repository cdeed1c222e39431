using System.Globalization;
using ReportEngine.Layout;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>A table listing a query's rows, with formatted columns, a repeated header and an optional totals row.</summary>
internal static class TableBlock
{
    private static readonly Color HeaderBackground = Color.FromHex("#1F4E79");
    private static readonly Color ZebraBackground = Color.FromHex("#F2F2F2");
    private static readonly Color TotalsBackground = Color.FromHex("#DDE6F0");
    private static readonly Color SubtotalBackground = Color.FromHex("#EEF3F8");

    public static void Compose(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        var rows = composer.Rows(block, where);
        if (block.Columns.Count == 0)
        {
            throw composer.Problem(where, "a table needs at least one column.");
        }

        if (rows.Count > 0)
        {
            foreach (var column in block.Columns.Where(c => !rows[0].ContainsKey(c.Field)))
            {
                throw composer.Problem(where, $"column \"{column.Field}\" is not returned by the query \"{block.Query}\" (it returns {string.Join(", ", rows[0].Keys)}).");
            }
        }

        container.Table(table =>
        {
            table.CellPadding(4, 2.5f).HeaderBackground(HeaderBackground).ZebraRows(ZebraBackground);
            table.ColumnsDefinition(columns =>
            {
                foreach (var column in block.Columns)
                {
                    if (column.Points is { } points)
                    {
                        columns.ConstantColumn(points);
                    }
                    else
                    {
                        columns.RelativeColumn(column.Width);
                    }
                }
            });

            table.Header(header =>
            {
                for (var i = 0; i < block.Columns.Count; i++)
                {
                    var column = block.Columns[i];
                    Align(header.Cell(), column)
                        .Text(composer.Text(column.Header, $"{where}.columns[{i}].header")).Bold().FontColor(Colors.White).FontSize(8.5f);
                }
            });

            // Rows are built on demand as the pages are laid out, so a long appendix does not hold
            // every cell in memory; sums and their labels are worked out here, while the context is right.
            var lines = Lines(block, rows, composer, where);
            table.Rows(lines.Count, (index, cells) =>
            {
                var line = lines[index];
                if (line.Label is null)
                {
                    Row(cells.Cell, block, rows[line.From], composer);
                }
                else
                {
                    SumRow(cells.Cell, block, rows.Skip(line.From).Take(line.To - line.From), line.Label, line.Background, composer);
                }
            });
        });
    }

    /// <summary>The table's body: each data row, a subtotal after each group, the totals last.</summary>
    private static List<Line> Lines(BlockDefinition block, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, DocumentComposer composer, string where)
    {
        var lines = new List<Line>(rows.Count + 1);
        var groupStart = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            lines.Add(new Line(r, r + 1, null, default));
            var groupEnds = block.GroupBy is not null
                && (r == rows.Count - 1 || !Equals(rows[r].GetValueOrDefault(block.GroupBy), rows[r + 1].GetValueOrDefault(block.GroupBy)));
            if (groupEnds)
            {
                composer.Liquid.Set("group", rows[r].GetValueOrDefault(block.GroupBy!));
                lines.Add(new Line(groupStart, r + 1, composer.Text(block.Subtotal ?? "{{ group }}", where + ".subtotal"), SubtotalBackground));
                groupStart = r + 1;
            }
        }

        if (block.Totals is not null)
        {
            lines.Add(new Line(0, rows.Count, composer.Text(block.Totals, where + ".totals"), TotalsBackground));
        }

        return lines;
    }

    private static void Row(Func<ITableCellContainer> cell, BlockDefinition block, IReadOnlyDictionary<string, object?> row, DocumentComposer composer)
    {
        foreach (var column in block.Columns)
        {
            var value = row.GetValueOrDefault(column.Field);
            var text = Align(cell(), column).Text(CellFormatter.Format(value, column, composer)).FontSize(8.5f);
            if (value is not null && column.Colors.TryGetValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, out var color))
            {
                text.FontColor(Color.FromHex(color)).Bold();
            }
        }
    }

    /// <summary>A totals or subtotal row: the label in the first column, sums under the columns marked total.</summary>
    private static void SumRow(
        Func<ITableCellContainer> cell, BlockDefinition block, IEnumerable<IReadOnlyDictionary<string, object?>> rows, string label, Color background, DocumentComposer composer)
    {
        var included = rows.ToList();
        for (var i = 0; i < block.Columns.Count; i++)
        {
            var column = block.Columns[i];
            var text = i == 0
                ? label
                : column.Total
                    ? CellFormatter.Format(included.Sum(row => Convert.ToDecimal(row.GetValueOrDefault(column.Field) ?? 0m, CultureInfo.InvariantCulture)), column, composer)
                    : "";
            Align(cell().Background(background), column).Text(text).Bold().FontSize(8.5f);
        }
    }

    private static IContainer Align(IContainer cell, ColumnDefinition column) =>
        (column.Align ?? (CellFormatter.IsNumeric(column) ? "right" : "left")) switch
        {
            "right" => cell.AlignRight(),
            "center" => cell.AlignCenter(),
            _ => cell.AlignLeft(),
        };

    /// <summary>A body line: one data row (Label null), or a sum over rows [From, To) under a label.</summary>
    private readonly record struct Line(int From, int To, string? Label, Color Background);
}
