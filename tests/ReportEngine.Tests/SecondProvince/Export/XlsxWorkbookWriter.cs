using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReportEngine.Tests.SecondProvince.Export;

/// <summary>
/// Writes one .xlsx workbook, a sheet per table, as Excel saves it: shared strings, real date cells
/// (a serial number with a date format) and number cells.
/// </summary>
public static class XlsxWorkbookWriter
{
    private const uint DateStyle = 1;
    private static readonly DateOnly SerialZero = new(1899, 12, 30);

    public static void Write(IReadOnlyList<ImportTable> tables, string file)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        AddStyles(workbook);
        var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());

        uint sheetId = 1;
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(Row(1, table.Columns.Cast<object?>().ToArray(), strings));
            var number = 2u;
            foreach (var row in table.Rows)
            {
                data.AppendChild(Row(number++, row, strings));
            }

            part.Worksheet = new Worksheet(data);
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = table.Name });
        }

        strings.Save();
    }

    private static Row Row(uint number, object?[] values, SharedStrings strings)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            var reference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            row.AppendChild(value switch
            {
                DateOnly day => new Cell
                {
                    CellReference = reference,
                    StyleIndex = DateStyle,
                    CellValue = new CellValue((day.DayNumber - SerialZero.DayNumber).ToString(CultureInfo.InvariantCulture)),
                },
                IFormattable amount => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(amount.ToString(null, CultureInfo.InvariantCulture)),
                },
                _ => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index((string)value)) },
            });
        }

        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    // Style 0 is the default; style 1 shows a serial number as a date (built-in format 14, d/m/yyyy).
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
    }

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();

        public string Index(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index.Add(text, index);
                _table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return index.ToString(CultureInfo.InvariantCulture);
        }

        public void Save() => part.SharedStringTable = _table;
    }
}
