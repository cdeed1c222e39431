using System.IO.Compression;
using System.Text;
using CsCheck;
using MiniExcelLibs;
using ReportEngine.Data;
using ReportEngine.Import;
using ReportEngine.Tests.Import;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>
/// `import --dry-run` on damaged CSV files and workbooks: every table read and checked, every error
/// one line naming its file (and sheet) and row; nothing crashes, hangs or escapes as another exception.
/// </summary>
public sealed class ImportFuzzTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _database;

    public ImportFuzzTests()
    {
        _database = _folder.File("reports.db");
        DatabaseInit.Create(_database, TimeProvider.System);
    }

    private static readonly (string Table, byte[] Content)[] Tables =
    [
        ("localities", Encoding.UTF8.GetBytes(ImportWorld.Localities)),
        ("organizations", Encoding.UTF8.GetBytes(ImportWorld.Organizations)),
        ("members", Encoding.UTF8.GetBytes(ImportWorld.Members)),
    ];

    [Fact]
    public void Damaged_csv_files_are_imported_or_refused_with_one_line_per_error()
    {
        var folder = _folder.File("csv");
        Directory.CreateDirectory(folder);
        var inputs = Gen.Int[0, Tables.Length - 1].SelectMany(i => Mutations.Of(Tables[i].Content).Select(bytes => (Table: i, Bytes: bytes)));

        FuzzBudget.Run("import-csv", 250, inputs, input => input.Bytes, input =>
        {
            foreach (var (table, content) in Tables)
            {
                File.WriteAllBytes(Path.Combine(folder, table + ".csv"), content);
            }

            File.WriteAllBytes(Path.Combine(folder, Tables[input.Table].Table + ".csv"), input.Bytes);
            Outcome.AcceptedOrRefused(() => DryRun(folder));
        });
    }

    [Fact]
    public void Damaged_workbooks_are_imported_or_refused_with_one_line_per_error()
    {
        var original = _folder.File("original.xlsx");
        MiniExcel.SaveAs(original, Tables.ToDictionary(
            t => t.Table,
            t => (object)MiniExcel.Query(new MemoryStream(t.Content), useHeaderRow: true, excelType: ExcelType.CSV).ToList()));
        var bytes = File.ReadAllBytes(original);
        var entries = Entries(bytes);
        var inputs = Gen.Frequency(
            (1, Mutations.Of(bytes)),
            (4, Gen.Int[0, entries.Count - 1].SelectMany(i => Mutations.Of(entries[i].Content).Select(content => Replace(entries, i, content)))));
        var file = _folder.File("office.xlsx");

        FuzzBudget.Run("import-xlsx", 100, inputs, input => input, input =>
        {
            File.WriteAllBytes(file, input);
            Outcome.AcceptedOrRefused(() => DryRun(file));
        });
    }

    private void DryRun(string path) =>
        new ImportService(TimeProvider.System).Run(_database, new ImportRequest(path, DryRun: true, AsOf: null, CloseMissing: null, "fuzz", ImportText.English));

    private static List<(string Name, byte[] Content)> Entries(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var content = new MemoryStream();
            using (var stream = e.Open())
            {
                stream.CopyTo(content);
            }

            return (e.FullName, content.ToArray());
        }).ToList();
    }

    /// <summary>The workbook with one part (sheet XML, shared strings, workbook, relationships…) damaged, zipped again.</summary>
    private static byte[] Replace(List<(string Name, byte[] Content)> entries, int index, byte[] content)
    {
        using var result = new MemoryStream();
        using (var zip = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                using var stream = zip.CreateEntry(entries[i].Name, CompressionLevel.Fastest).Open();
                stream.Write(i == index ? content : entries[i].Content);
            }
        }

        return result.ToArray();
    }

    public void Dispose() => _folder.Dispose();
}
