using System.Collections.Concurrent;
using ReportEngine.Tests.SecondProvince.Export;
using ReportEngine.Tests.SecondProvince.Model;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.SecondProvince;

/// <summary>
/// The second province written to files by the tests, then loaded as an office would: `db init`
/// into an empty SQLite file and `import` through the command line. Reports are rendered on demand
/// (once per locality and year) and read back with pdftotext -layout.
/// </summary>
public abstract class ImportedProvince : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<Reading.LayoutReport>>> _reports = new();
    private CliRun? _init;
    private CliRun? _import;

    public abstract ProvinceRows Rows { get; }

    public string Database => _folder.File("province.db");

    /// <summary>Writes the rows in the import format under the folder and returns the path to give `import`.</summary>
    protected abstract string Write(IReadOnlyList<ImportTable> tables, string folder);

    public async Task InitializeAsync()
    {
        var source = Write(ImportTables.From(Rows), _folder.File("files"));
        _init = await CliRun.Invoke("db", "init", "--db", Database);
        if (_init.ExitCode == 0)
        {
            _import = await CliRun.Invoke("import", source, "--as-of", QuangTriMembers.DataAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--db", Database);
        }
    }

    /// <summary>The annual assessment of the locality for the year, in English.</summary>
    public Task<Reading.LayoutReport> Report(string locality, int year) =>
        _reports.GetOrAdd((locality, year), _ => new Lazy<Task<Reading.LayoutReport>>(() => Render(locality, year))).Value;

    private async Task<Reading.LayoutReport> Render(string locality, int year)
    {
        Assert.True(_init?.ExitCode == 0, $"db init --db {Database} failed (exit {_init?.ExitCode}): {_init?.Error}{_init?.Output}");
        Assert.True(_import?.ExitCode == 0, $"import failed (exit {_import?.ExitCode}): {_import?.Error}{_import?.Output}");
        var archive = _folder.File($"archive-{locality}-{year}");
        var run = await CliRun.Invoke("run", "annual-assessment", "--set", $"year={year}", "--set", $"locality={locality}", "--lang", "en",
            "--db", Database, "--archive", archive);
        Assert.True(run.ExitCode == 0, $"run annual-assessment year={year} locality={locality} failed (exit {run.ExitCode}): {run.Error}");
        var pdf = run.OutputLines.FirstOrDefault(l => l.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.True(pdf is not null, $"run printed no PDF path: {run.Output}");
        return Reading.LayoutReport.Read(pdf);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) => _folder.Dispose();
}

/// <summary>Member rows, as CSV files the way Excel saves them in Vietnam (semicolons, dd/MM/yyyy, BOM).</summary>
public sealed class CsvProvince : ImportedProvince
{
    public override ProvinceRows Rows => QuangTriProvince.Rows;

    protected override string Write(IReadOnlyList<ImportTable> tables, string folder)
    {
        CsvFolderWriter.Write(tables, folder, CsvDialect.VietnameseExcel);
        return folder;
    }
}

/// <summary>Member counts by date only, as plain CSV files (commas, ISO dates, no BOM).</summary>
public sealed class CountsOnlyCsvProvince : ImportedProvince
{
    public override ProvinceRows Rows { get; } = QuangTriProvince.Rows.CountsOnly();

    protected override string Write(IReadOnlyList<ImportTable> tables, string folder)
    {
        CsvFolderWriter.Write(tables, folder, CsvDialect.Plain);
        return folder;
    }
}

/// <summary>Member rows, as one workbook with date and number cells.</summary>
public sealed class XlsxProvince : ImportedProvince
{
    public override ProvinceRows Rows => QuangTriProvince.Rows;

    protected override string Write(IReadOnlyList<ImportTable> tables, string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "quang-tri.xlsx");
        XlsxWorkbookWriter.Write(tables, file);
        return file;
    }
}
