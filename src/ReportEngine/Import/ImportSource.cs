using System.Security.Cryptography;

namespace ReportEngine.Import;

/// <summary>One table found in the import's PATH: how to open its reader.</summary>
public sealed record TableSource(TableSpec Spec, string File, string? Sheet, Func<ITableReader> Open);

/// <summary>A file of the import, for its record: name, sheets read, SHA-256.</summary>
public sealed record SourceFile(string Name, IReadOnlyList<string> Sheets, string Sha256);

/// <summary>
/// Finds the tables in PATH: a folder of CSV files named table.csv, one such CSV file, or an .xlsx
/// workbook with one sheet per table (other sheets, such as the template's notes, are skipped).
/// </summary>
public sealed class ImportSource
{
    private ImportSource(IReadOnlyList<TableSource> tables, IReadOnlyList<SourceFile> files, IReadOnlyList<ImportError> errors)
    {
        Tables = tables;
        Files = files;
        Errors = errors;
    }

    public IReadOnlyList<TableSource> Tables { get; }

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Files in the folder that are no table of the format: reported with every other error.</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    private static string Expected => string.Join(", ", ImportTables.All.Select(t => t.Name));

    public static ImportSource Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Folder(full);
        }

        if (!File.Exists(full))
        {
            throw new ReportEngineException($"There is no file or folder {full}.");
        }

        return Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".xlsx" => Workbook(full),
            ".csv" when ImportTables.Find(Path.GetFileNameWithoutExtension(full)) is { } spec =>
                new ImportSource([Csv(spec, full)], [new SourceFile(Path.GetFileName(full), [], Sha256(full))], []),
            _ => throw new ReportEngineException(
                $"{full}: give a folder of CSV files named <table>.csv, one such file, or an .xlsx workbook with a sheet per table (tables: {Expected})."),
        };
    }

    private static ImportSource Folder(string folder)
    {
        var csv = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        var tables = ImportTables.All
            .Select(spec => (spec, file: csv.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == spec.Name)))
            .Where(t => t.file is not null)
            .Select(t => Csv(t.spec, t.file!))
            .ToList();
        if (tables.Count == 0)
        {
            throw new ReportEngineException($"{folder} holds none of the import's files: {string.Join(", ", ImportTables.All.Select(t => t.Name + ".csv"))}.");
        }

        var errors = csv.Where(f => ImportTables.Find(Path.GetFileNameWithoutExtension(f)) is null)
            .Select(f => new ImportError(Path.GetFileName(f), null, 0, null, null, $"not a table of the import format (the files are: {string.Join(", ", ImportTables.All.Select(t => t.Name + ".csv"))})"))
            .ToList();
        var files = tables.Select(t => new SourceFile(t.File, [], Sha256(Path.Combine(folder, t.File)))).ToList();
        return new ImportSource(tables, files, errors);
    }

    private static TableSource Csv(TableSpec spec, string file) =>
        new(spec, Path.GetFileName(file), null, () => new CsvTableReader(file));

    private static ImportSource Workbook(string file)
    {
        IReadOnlyList<string> sheets;
        try
        {
            sheets = XlsxTableReader.SheetNames(file);
        }
        // The Open XML SDK reports a file that is no workbook in several ways (zip, package, XML, missing parts): any of them means the same here.
        catch (Exception e)
        {
            throw new ReportEngineException($"{file} is not an .xlsx workbook that can be read ({e.Message}).", e);
        }

        var tables = ImportTables.All.Where(spec => sheets.Contains(spec.Name))
            .Select(spec => new TableSource(spec, Path.GetFileName(file), spec.Name, () => new XlsxTableReader(file, spec.Name)))
            .ToList();
        if (tables.Count == 0)
        {
            throw new ReportEngineException($"{file} has none of the import's sheets ({Expected}); its sheets are: {string.Join(", ", sheets)}.");
        }

        return new ImportSource(tables, [new SourceFile(Path.GetFileName(file), [.. tables.Select(t => t.Sheet!)], Sha256(file))], []);
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
