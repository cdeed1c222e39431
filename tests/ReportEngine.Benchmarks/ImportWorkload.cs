using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Import;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The `import` workload: the demo province (every row, 478,957 members with the past) exported as
/// CSV files and as one workbook, then each imported into an empty SQLite file through the same
/// service as `import`, each format in its own process so peak_mb is that import's own.
/// </summary>
internal static class ImportWorkload
{
    /// <summary>Prepares the files (not timed), then runs one child process per format.</summary>
    public static int Run(string output)
    {
        var folder = Path.Combine(output, "import");
        var demo = Path.Combine(folder, "demo.db");
        // The files depend only on the demo, which is the same on every run: made once, kept for the next.
        if (!File.Exists(Path.Combine(folder, "demo.xlsx")))
        {
            Directory.CreateDirectory(folder);
            DemoDataset.Create(demo, overwrite: true);
            using var connection = SqliteDatabase.Open(demo, readOnly: true);
            ImportExport.CsvFolder(Path.Combine(folder, "csv"), connection);
            ImportExport.Workbook(Path.Combine(folder, "demo.xlsx"), connection);
        }

        SqliteConnection.ClearAllPools();
        foreach (var (format, path) in new[] { ("csv", Path.Combine(folder, "csv")), ("xlsx", Path.Combine(folder, "demo.xlsx")) })
        {
            using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["import-one", format, path, Path.Combine(folder, format + ".db")]))!;
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }

        return 0;
    }

    /// <summary>One timed import: db init, then import, as the command line does them.</summary>
    public static int One(string format, string path, string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
        DatabaseInit.Create(database, TimeProvider.System);
        var request = new ImportRequest(path, DryRun: false, AsOf: "2024-08-31", CloseMissing: null, ImportedBy: "benchmark", ImportText.English);
        var result = new ImportService(TimeProvider.System).Run(database, request);
        var seconds = watch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64 / (1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IMPORT format={format} rows={result.Rows} seconds={seconds:0.000} peak_mb={peak} gc_pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:0} gcs={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        return result.Plan.Added == result.Rows ? 0 : 1;
    }
}
