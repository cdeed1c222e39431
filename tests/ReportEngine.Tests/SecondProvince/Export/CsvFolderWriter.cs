using System.Globalization;
using System.Text;

namespace ReportEngine.Tests.SecondProvince.Export;

/// <summary>Writes a folder of &lt;table&gt;.csv files (RFC 4180 quoting) in one office's dialect.</summary>
public static class CsvFolderWriter
{
    public static void Write(IReadOnlyList<ImportTable> tables, string folder, CsvDialect dialect)
    {
        Directory.CreateDirectory(folder);
        foreach (var table in tables)
        {
            var order = Enumerable.Range(0, table.Columns.Count).ToList();
            if (dialect.ColumnsReversed)
            {
                order.Reverse();
            }

            var text = new StringBuilder();
            text.AppendJoin(dialect.Delimiter, order.Select(i => table.Columns[i])).Append("\r\n");
            foreach (var row in table.Rows)
            {
                text.AppendJoin(dialect.Delimiter, order.Select(i => Field(row[i], dialect))).Append("\r\n");
            }

            File.WriteAllText(Path.Combine(folder, table.Name + ".csv"), text.ToString(), new UTF8Encoding(dialect.ByteOrderMark));
        }
    }

    private static string Field(object? value, CsvDialect dialect)
    {
        var text = value switch
        {
            null => "",
            DateOnly day => day.ToString(dialect.DateFormat, CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([dialect.Delimiter, '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
