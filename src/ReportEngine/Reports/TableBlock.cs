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

            var groupStart = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                Row(table, block, rows[r], composer);
                var groupEnds = block.GroupBy is not null
                    && (r == rows.Count - 1 || !Equals(rows[r].GetValueOrDefault(block.GroupBy), rows[r + 1].GetValueOrDefault(block.GroupBy)));
                if (groupEnds)
                {
                    var group = rows[r].GetValueOrDefault(block.GroupBy!);
                    composer.Liquid.Set("group", group);
                    var label = composer.Text(block.Subtotal ?? "{{ group }}", where + ".subtotal");
                    SumRow(table, block, rows.Skip(groupStart).Take(r + 1 - groupStart), label, SubtotalBackground, composer);
                    groupStart = r + 1;
                }
            }

            if (block.Totals is not null)
            {
                SumRow(table, block, rows, composer.Text(block.Totals, where + ".totals"), TotalsBackground, composer);
            }
        });
    }

    private static void Row(TableDescriptor table, BlockDefinition block, IReadOnlyDictionary<string, object?> row, DocumentComposer composer)
    {
        foreach (var column in block.Columns)
        {
            var value = row.GetValueOrDefault(column.Field);
            var text = Align(table.Cell(), column).Text(CellFormatter.Format(value, column, composer)).FontSize(8.5f);
            if (value is not null && column.Colors.TryGetValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, out var color))
            {
                text.FontColor(Color.FromHex(color)).Bold();
            }
        }
    }

    /// <summary>A totals or subtotal row: the label in the first column, sums under the columns marked total.</summary>
    private static void SumRow(
        TableDescriptor table, BlockDefinition block, IEnumerable<IReadOnlyDictionary<string, object?>> rows, string label, Color background, DocumentComposer composer)
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
            Align(table.Cell().Background(background), column).Text(text).Bold().FontSize(8.5f);
        }
    }

    private static IContainer Align(IContainer cell, ColumnDefinition column) =>
        (column.Align ?? (CellFormatter.IsNumeric(column) ? "right" : "left")) switch
        {
            "right" => cell.AlignRight(),
            "center" => cell.AlignCenter(),
            _ => cell.AlignLeft(),
        };
}
