using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ReportEngine.Import;

/// <summary>
/// Writes the import format: the blank workbook offices fill in (`import template`), and the
/// database's current data in the same layout (`import export`), as one .xlsx workbook or a
/// folder of CSV files. What it writes, `import` reads back unchanged.
/// </summary>
public static class ImportExport
{
    /// <summary>The workbook with a header row per table, a sheet of notes on every column and, given a database, its localities' codes.</summary>
    public static void Template(string file, ImportText text, DbConnection? connection)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in ImportTables.All)
        {
            sheets[table.Name] = HeaderOnly(table);
        }

        sheets[NotesSheet(text)] = Notes(text);
        if (connection is not null)
        {
            sheets[LocalitiesSheet(text)] = StoredRows.Read(connection, ImportTables.Localities)
                .Select(row => Cells(ImportTables.Localities, row)).ToList() is { Count: > 0 } localities
                ? localities
                : HeaderOnly(ImportTables.Localities);
        }

        Save(file, sheets);
    }

    /// <summary>Every table's rows, streamed from the database into the workbook.</summary>
    public static void Workbook(string file, DbConnection connection)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in ImportTables.All)
        {
            // MiniExcel takes a sheet's header from its first row: an empty table gets a header-only sheet.
            sheets[table.Name] = HasRows(connection, table) ? StoredRows.Read(connection, table).Select(row => Cells(table, row)) : HeaderOnly(table);
        }

        Save(file, sheets);
    }

    /// <summary>Every table as table.csv in the folder: UTF-8 without BOM, ',' between fields, quoted where RFC 4180 asks.</summary>
    public static void CsvFolder(string folder, DbConnection connection)
    {
        Directory.CreateDirectory(folder);
        foreach (var table in ImportTables.All)
        {
            using var writer = new StreamWriter(Path.Combine(folder, table.Name + ".csv"), false, new UTF8Encoding(false), 1 << 16);
            writer.Write(string.Join(",", table.Columns.Select(c => c.Name)) + "\n");
            foreach (var row in StoredRows.Read(connection, table))
            {
                for (var i = 0; i < row.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(',');
                    }

                    writer.Write(Quote(row[i]));
                }

                writer.Write('\n');
            }
        }
    }

    public static string Quote(string? value) =>
        value is null ? ""
        : value.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    private static string NotesSheet(ImportText text) => text.Language == "vi" ? "ghi chú" : "notes";

    private static string LocalitiesSheet(ImportText text) => text.Language == "vi" ? "mã địa bàn" : "locality codes";

    private static bool HasRows(DbConnection connection, TableSpec table) => StoredRows.Read(connection, table).Any();

    /// <summary>Dates as date cells, whole numbers and numbers as number cells, everything else as text.</summary>
    private static Dictionary<string, object?> Cells(TableSpec table, string?[] row)
    {
        var cells = new Dictionary<string, object?>(row.Length, StringComparer.Ordinal);
        for (var i = 0; i < row.Length; i++)
        {
            var column = table.Columns[i];
            cells[column.Name] = row[i] is not { } value ? null : column.Kind switch
            {
                ColumnKind.Date => DateTime.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ColumnKind.WholeNumber => long.Parse(value, CultureInfo.InvariantCulture),
                ColumnKind.Number => double.Parse(value, CultureInfo.InvariantCulture),
                _ => value,
            };
        }

        return cells;
    }

    private static DataTable HeaderOnly(TableSpec table)
    {
        var data = new DataTable(table.Name) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in table.Columns)
        {
            data.Columns.Add(column.Name, typeof(string));
        }

        return data;
    }

    private static List<Dictionary<string, object?>> Notes(ImportText text)
    {
        var vi = text.Language == "vi";
        var rows = new List<Dictionary<string, object?>>();
        foreach (var table in ImportTables.All)
        {
            foreach (var column in table.Columns)
            {
                rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [vi ? "bảng" : "table"] = table.Name,
                    [vi ? "cột" : "column"] = column.Name,
                    [vi ? "bắt buộc" : "required"] = column.Required ? (vi ? "có" : "yes") : (vi ? "không" : "no"),
                    [vi ? "kiểu" : "type"] = Kind(column, vi),
                    [vi ? "ví dụ" : "example"] = column.Example,
                    [vi ? "ghi chú" : "note"] = vi ? column.NoteVi : column.NoteEn,
                });
            }
        }

        return rows;
    }

    private static string Kind(ColumnSpec column, bool vi) => column.Kind switch
    {
        ColumnKind.Code => vi ? "mã: chữ thường, chữ số, - _ . /" : "code: lower-case letters, digits, - _ . /",
        ColumnKind.Reference => vi ? $"mã trong bảng {column.Target}" : $"a code from {column.Target}",
        ColumnKind.Date => vi ? "ngày: yyyy-MM-dd, dd/MM/yyyy hoặc ô kiểu ngày" : "date: yyyy-MM-dd, dd/MM/yyyy or a date cell",
        ColumnKind.WholeNumber => vi ? "số nguyên" : "whole number",
        ColumnKind.Number => vi ? "số" : "number",
        ColumnKind.Choice => string.Join(" | ", column.Allowed),
        ColumnKind.Addresses => vi ? "địa chỉ thư, cách nhau bởi ;" : "addresses separated by ;",
        _ => vi ? "văn bản" : "text",
    };

    private static void Save(string file, Dictionary<string, object> sheets)
    {
        var dates = ImportTables.All.SelectMany(t => t.Columns).Where(c => c.Kind == ColumnKind.Date).Select(c => c.Name).Distinct(StringComparer.Ordinal);
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. dates.Select(name => new DynamicExcelColumn(name) { Format = "yyyy-MM-dd", Width = 12 })],
            FastMode = false,
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        MiniExcel.SaveAs(file, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration, overwriteFile: true);
    }
}
