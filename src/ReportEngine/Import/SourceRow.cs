namespace ReportEngine.Import;

/// <summary>
/// One row as a reader found it: its row number (the header is row 1, as a spreadsheet counts) and
/// its cells in header order: text from CSV; text, numbers (double) or dates (DateTime) from xlsx.
/// </summary>
public readonly record struct SourceRow(int Number, object?[] Cells);

/// <summary>
/// One table's rows from one file (or one sheet): its header, then its rows, streamed. Readers only
/// read: they never check values and never touch the database.
/// </summary>
public interface ITableReader : IDisposable
{
    /// <summary>The file's name as messages show it (organizations.csv, data.xlsx).</summary>
    string File { get; }

    /// <summary>The sheet, for a workbook; null for CSV.</summary>
    string? Sheet { get; }

    IReadOnlyList<string> Header { get; }

    IEnumerable<SourceRow> Rows();
}
