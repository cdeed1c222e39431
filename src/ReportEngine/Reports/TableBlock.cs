using ReportEngine.Layout;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>A table listing a query's rows, with formatted columns, a repeated header and an optional totals row.</summary>
internal static class TableBlock
{
    private static readonly Color HeaderBackground = Color.FromHex("#1F4E79");
    private static readonly Color ZebraBackground = Color.FromHex("#F2F2F2");
    private static readonly Color TotalsBackground = Color.FromHex("#DDE6F0");

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

            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var column in block.Columns)
                {
                    var value = rows[r].GetValueOrDefault(column.Field);
                    var text = Align(table.Cell(), column).Text(CellFormatter.Format(value, column, composer)).FontSize(8.5f);
                    if (value is not null && column.Colors.TryGetValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, out var color))
                    {
                        text.FontColor(Color.FromHex(color)).Bold();
                    }
                }
            }

            if (block.Totals is not null)
            {
                for (var i = 0; i < block.Columns.Count; i++)
                {
                    var column = block.Columns[i];
                    var text = i == 0
                        ? composer.Text(block.Totals, where + ".totals")
                        : column.Total ? CellFormatter.Format(rows.Sum(row => Convert.ToDecimal(row[column.Field] ?? 0m, System.Globalization.CultureInfo.InvariantCulture)), column, composer) : "";
                    Align(table.Cell().Background(TotalsBackground), column).Text(text).Bold().FontSize(8.5f);
                }
            }
        });
    }

    private static IContainer Align(IContainer cell, ColumnDefinition column) =>
        (column.Align ?? (CellFormatter.IsNumeric(column) ? "right" : "left")) switch
        {
            "right" => cell.AlignRight(),
            "center" => cell.AlignCenter(),
            _ => cell.AlignLeft(),
        };
}
