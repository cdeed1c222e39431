using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ReportEngine.Import;

/// <summary>
/// Reads one sheet of an .xlsx workbook, streaming, with MiniExcel: cells come as text, numbers
/// (double) or dates (DateTime, for cells formatted as dates). The header is the sheet's first row.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly IEnumerator<IDictionary<string, object?>> rows;
    private readonly string[] letters;
    private int number;

    public XlsxTableReader(string path, string sheet)
    {
        File = Path.GetFileName(path);
        Sheet = sheet;
        var configuration = new OpenXmlConfiguration { FillMergedCells = false, EnableSharedStringCache = false };
        rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: configuration)
            .Cast<IDictionary<string, object?>>().GetEnumerator();
        if (rows.MoveNext())
        {
            number = 1;
            letters = [.. rows.Current.Keys];
            var header = rows.Current.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "").ToList();
            // A header row ends at its last named column; formatting may stretch the sheet further.
            while (header.Count > 0 && header[^1].Length == 0)
            {
                header.RemoveAt(header.Count - 1);
            }

            Header = header;
            letters = letters[..header.Count];
        }
        else
        {
            Header = [];
            letters = [];
        }
    }

    public string File { get; }

    public string? Sheet { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The sheets of a workbook, in order.</summary>
    public static IReadOnlyList<string> SheetNames(string path) => MiniExcel.GetSheetNames(path);

    public IEnumerable<SourceRow> Rows()
    {
        while (rows.MoveNext())
        {
            number++;
            var row = rows.Current;
            var cells = new object?[letters.Length];
            var empty = true;
            for (var i = 0; i < letters.Length; i++)
            {
                var value = row.TryGetValue(letters[i], out var v) ? v : null;
                if (value is string s)
                {
                    value = s.Trim();
                    if (((string)value).Length == 0)
                    {
                        value = null;
                    }
                }

                cells[i] = value;
                empty &= value is null;
            }

            // A value beyond the header's last column has no column to go to: the checks report it.
            if (row.Count > letters.Length)
            {
                foreach (var (key, value) in row)
                {
                    if (value is not null and not "" && Array.IndexOf(letters, key) < 0)
                    {
                        cells = [.. cells, value];
                        empty = false;
                    }
                }
            }

            if (!empty)
            {
                yield return new SourceRow(number, cells);
            }
        }
    }

    public void Dispose() => rows.Dispose();
}
