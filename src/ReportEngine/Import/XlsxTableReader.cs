using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReportEngine.Import;

/// <summary>
/// Reads one sheet of an .xlsx workbook with the Open XML SDK: cells come as text, numbers (double)
/// or dates (DateTime, for cells whose style is a date format). The header is the sheet's first row.
/// The sheet is read with the SDK's streaming reader, one element at a time, never as a document:
/// 440,000 member rows go to the checks one by one. Shared strings and styles are read once.
/// </summary>
public sealed class XlsxTableReader : ITableReader
{
    private readonly SpreadsheetDocument document;
    private readonly List<string> sharedStrings;
    private readonly bool[] dateStyles;
    private readonly OpenXmlReader sheet;
    private readonly StringBuilder text = new();
    private readonly List<object?> rowCells = [];
    private readonly int width;

    public XlsxTableReader(string path, string sheetName)
    {
        File = Path.GetFileName(path);
        Sheet = sheetName;
        document = Damaged(() => SpreadsheetDocument.Open(path, false));
        try
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no part xl/workbook.xml");
            var part = Damaged(() => SheetParts(workbook)).FirstOrDefault(s => s.Name == sheetName).Part
                ?? throw new ReportEngineException($"{File} has no sheet \"{sheetName}\".");
            sharedStrings = Damaged(() => ReadSharedStrings(workbook.SharedStringTablePart));
            dateStyles = Damaged(() => ReadDateStyles(workbook.WorkbookStylesPart));
            sheet = Damaged(() => OpenXmlReader.Create(part));
            var header = Damaged(NextRow) is { } h ? h.Cells.Select(c => CellParser.Show(c)?.Trim() ?? "").ToList() : [];
            // A header row ends at its last named column; formatting may stretch the sheet further.
            while (header.Count > 0 && header[^1].Length == 0)
            {
                header.RemoveAt(header.Count - 1);
            }

            Header = header;
            width = header.Count;
        }
        catch
        {
            sheet?.Dispose();
            document.Dispose();
            throw;
        }
    }

    public string File { get; }

    public string? Sheet { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The sheets of a workbook, in order.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no part xl/workbook.xml");
        return [.. SheetParts(workbook).Select(s => s.Name)];
    }

    public IEnumerable<SourceRow> Rows()
    {
        while (Damaged(NextRow) is { } row)
        {
            var cells = row.Cells;
            // Cells beyond the header are kept only when they hold something: the checks report them.
            var last = cells.Length;
            while (last > width && cells[last - 1] is null)
            {
                last--;
            }

            if (last != cells.Length || cells.Length < width)
            {
                Array.Resize(ref cells, Math.Max(last, width));
            }

            if (Array.Exists(cells, c => c is not null))
            {
                yield return new SourceRow(row.Number, cells);
            }
        }
    }

    /// <summary>
    /// A damaged workbook (broken XML in a part, a truncated zip entry, a part of the wrong kind) fails
    /// wherever the streaming reader meets the damage; each way means the same to the person importing.
    /// </summary>
    private T Damaged<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException or FormatException
                                   or InvalidOperationException or OpenXmlPackageException or ArgumentException or OverflowException)
        {
            throw new ReportEngineException($"{File} [{Sheet}]: the workbook is damaged and cannot be read ({MessageText.OneLine(e.Message)}).", e);
        }
    }

    public void Dispose()
    {
        sheet.Dispose();
        document.Dispose();
    }

    private SourceRow? NextRow()
    {
        while (sheet.Read())
        {
            if (sheet.IsStartElement && sheet.ElementType == typeof(Row))
            {
                var number = int.TryParse(Attribute(sheet.Attributes, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
                return new SourceRow(number, ReadCells());
            }
        }

        return null;
    }

    /// <summary>The current element's attribute (without a namespace), or null. The reader makes a new list at each call: take it once per element.</summary>
    private static string? Attribute(ReadOnlyCollection<OpenXmlAttribute> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute.LocalName == name && attribute.NamespaceUri.Length == 0)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private object?[] ReadCells()
    {
        rowCells.Clear();
        if (!sheet.ReadFirstChild())
        {
            return [];
        }

        do
        {
            if (!sheet.IsStartElement || sheet.ElementType != typeof(Cell))
            {
                continue;
            }

            var attributes = sheet.Attributes;
            var column = ColumnIndex(Attribute(attributes, "r"), rowCells.Count);
            var type = Attribute(attributes, "t");
            var style = int.TryParse(Attribute(attributes, "s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var value = ReadCellValue(type, style);
            while (rowCells.Count < column)
            {
                rowCells.Add(null);
            }

            rowCells.Add(value);
        }
        while (sheet.ReadNextSibling());

        return [.. rowCells];
    }

    /// <summary>The value of the cell the reader is on: its v, or its inline string's text (phonetic guides left out).</summary>
    private object? ReadCellValue(string? type, int style)
    {
        string? raw = null;
        if (sheet.ReadFirstChild())
        {
            do
            {
                if (!sheet.IsStartElement)
                {
                    continue;
                }

                if (sheet.ElementType == typeof(CellValue))
                {
                    raw = (raw ?? "") + sheet.GetText();
                }
                else if (sheet.ElementType == typeof(InlineString))
                {
                    raw = (raw ?? "") + ReadStringItem();
                }
            }
            while (sheet.ReadNextSibling());
        }

        if (raw is null)
        {
            return null;
        }

        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : raw;
            case "inlineStr" or "str" or "e":
                return raw;
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : raw;
            default:
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return raw;
                }

                return style < dateStyles.Length && dateStyles[style] && number is >= 0 and < 2_958_466 ? DateTime.FromOADate(number) : number;
        }
    }

    /// <summary>The text of the string item (is, si) the reader is on: its t, or its runs' t; phonetic guides are not part of it.</summary>
    private string ReadStringItem() => ReadStringItem(sheet, text);

    private static string ReadStringItem(OpenXmlReader reader, StringBuilder text)
    {
        text.Clear();
        if (!reader.ReadFirstChild())
        {
            return "";
        }

        do
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Text))
            {
                text.Append(reader.GetText());
            }
            else if (reader.ElementType == typeof(Run) && reader.ReadFirstChild())
            {
                do
                {
                    if (reader.IsStartElement && reader.ElementType == typeof(Text))
                    {
                        text.Append(reader.GetText());
                    }
                }
                while (reader.ReadNextSibling());
            }
        }
        while (reader.ReadNextSibling());

        return text.ToString();
    }

    /// <summary>"C7" is column 2 (from 0); a cell without a reference follows the one before it.</summary>
    private static int ColumnIndex(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static List<(string Name, WorksheetPart Part)> SheetParts(WorkbookPart workbook)
    {
        var sheets = new List<(string, WorksheetPart)>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id
                && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                sheets.Add((name, worksheet));
            }
        }

        return sheets;
    }

    /// <summary>The shared strings, read as a stream too: a workbook of 440,000 members may hold a million.</summary>
    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                strings.Add(ReadStringItem(reader, text));
            }
        }

        return strings;
    }

    /// <summary>For each cell style (cellXfs), whether its number format shows a date.</summary>
    private static bool[] ReadDateStyles(WorkbookStylesPart? part)
    {
        if (part?.Stylesheet is not { } styles)
        {
            return [];
        }

        var custom = new Dictionary<uint, string>();
        foreach (var format in styles.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom[id] = format.FormatCode?.Value ?? "";
            }
        }

        return [.. (styles.CellFormats?.Elements<CellFormat>() ?? []).Select(f => f.NumberFormatId?.Value ?? 0).Select(id => IsDateFormat(id, custom.GetValueOrDefault(id)))];
    }

    /// <summary>
    /// Excel's built-in date (and time) formats, or a custom format that shows a day, month or year:
    /// d or y, or m that is no minute (a format with hours or seconds is a time), outside quotes, brackets and escapes.
    /// </summary>
    private static bool IsDateFormat(uint id, string? code)
    {
        if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }

        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var (quoted, bracket, escaped) = (false, false, false);
        var (day, month, time) = (false, false, false);
        foreach (var c in code)
        {
            if (escaped)
            {
                escaped = false;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\' when !quoted:
                    escaped = true;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case 'd' or 'D' or 'y' or 'Y' when !quoted && !bracket:
                    day = true;
                    break;
                case 'm' or 'M' when !quoted && !bracket:
                    month = true;
                    break;
                case 'h' or 'H' or 's' or 'S' when !quoted && !bracket:
                    time = true;
                    break;
            }
        }

        return day || (month && !time);
    }
}
