using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ReportEngine.Cli;
using ReportEngine.Configuration;
using ReportEngine.Data.Demo;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The annual assessment for committees of the demo, rendered from the database through the command line's
/// burst (`run annual-assessment --committees …`, in this process): every run recorded, archived and its
/// deliveries queued. Smtp:Host is empty, so deliveries wait and no server is needed.
/// </summary>
internal static class BurstWorkload
{
    private const string Template = "annual-assessment";
    private const string Year = "2024";

    /// <summary>BURST: all 138 committees (province, 10 districts, 127 communes) of the demo database.</summary>
    public static async Task<int> All(string output)
    {
        var folder = Prepare(output, tenfold: false);
        var database = Path.Combine(folder, "demo.db");
        var committees = Committees(database, level: null);
        await WarmUp(database, folder, committees[^1]);
        var (seconds, error) = await Burst(database, folder, committees);
        if (error is not null)
        {
            Console.Error.WriteLine(error);
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BURST reports={committees.Count} seconds={seconds:0.000} reports_per_second={committees.Count / seconds:0.00} peak_mb={PeakMegabytes()}"));
        return 0;
    }

    /// <summary>
    /// BURST-10X: a sample of commune reports from the demo plus nine copies of it elsewhere (ten times the
    /// members), and one commune report's query time on both databases, measured in this one process.
    /// </summary>
    public static async Task<int> Tenfold(string output)
    {
        var folder = Prepare(output, tenfold: true);
        var (demo, tenfold) = (Path.Combine(folder, "demo.db"), Path.Combine(folder, "tenfold.db"));
        // Every 13th commune committee: ten communes from across the province.
        var communes = Committees(demo, "commune").Where((_, i) => i % 13 == 0).ToList();
        await WarmUp(demo, folder, communes[0]);
        var (seconds, error) = await Burst(tenfold, folder, communes);
        if (error is not null)
        {
            Console.Error.WriteLine(error);
            return 1;
        }

        // Query times without rendering, one database after the other, each warmed up by one report's queries first;
        // a commune report's is the median over three communes.
        var templates = ReportEngineSettings.Load(CliContext.Configuration(), CliContext.WorkingDirectory, demo).TemplatesPath;
        IReadOnlyList<(string Query, double Milliseconds)> Times(string database, string locality) =>
            QueryTimes.Measure(database, templates, Template, new Dictionary<string, string> { ["year"] = Year, ["locality"] = locality });
        var sample = communes.Take(3).ToList();
        var measured = new Dictionary<(string Size, string Locality), IReadOnlyList<(string Query, double Milliseconds)>>();
        foreach (var (size, database) in new[] { ("1x", demo), ("10x", tenfold) })
        {
            Times(database, communes[^1]);
            foreach (var locality in sample.Append("phan-thiet").Append("binh-thuan"))
            {
                measured[(size, locality)] = Times(database, locality);
            }
        }

        double CommuneMilliseconds(string size) => Median(sample.Select(c => measured[(size, c)].Sum(q => q.Milliseconds)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BURST-10X reports={communes.Count} seconds={seconds:0.000} reports_per_second={communes.Count / seconds:0.00} peak_mb={PeakMegabytes()} commune_query_ms={CommuneMilliseconds("10x"):0.0} commune_query_ms_1x={CommuneMilliseconds("1x"):0.0}"));

        // Which queries grow with the database, per level of report: the place to look when the ratio is not ~1.
        foreach (var (level, locality) in new[] { ("province", "binh-thuan"), ("district", "phan-thiet"), ("commune", sample[0]) })
        {
            foreach (var size in new[] { "1x", "10x" })
            {
                var times = measured[(size, locality)];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"# {level} {locality} {size}: total_ms={times.Sum(t => t.Milliseconds):0} {string.Join(' ', times.Select(t => $"{t.Query}={t.Milliseconds:0}"))}"));
            }
        }

        return 0;
    }

    /// <summary>Builds the databases in a child process (so the workload's peak_mb is its own): the demo, and with tenfold its tenfold copy.</summary>
    public static void Setup(string folder, bool tenfold)
    {
        var watch = Stopwatch.StartNew();
        DemoDataset.Create(Path.Combine(folder, "demo.db"), overwrite: true);
        if (tenfold)
        {
            TenfoldDatabase.Create(Path.Combine(folder, "demo.db"), Path.Combine(folder, "tenfold.db"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# databases made in {watch.Elapsed.TotalSeconds:0.0} s (not measured)"));
    }

    private static string Prepare(string output, bool tenfold)
    {
        var folder = Path.Combine(output, tenfold ? "burst-10x" : "burst");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["burst-setup", folder, tenfold ? "10x" : "1x"]))!;
        child.WaitForExit();
        return child.ExitCode == 0 ? folder : throw new InvalidOperationException($"burst-setup exited with {child.ExitCode}.");
    }

    /// <summary>Committee codes in committee order; all of them, or those of one level.</summary>
    private static List<string> Committees(string database, string? level)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.code FROM committees c JOIN localities l ON l.id = c.locality_id WHERE $level IS NULL OR l.level = $level ORDER BY c.id";
        command.Parameters.AddWithValue("$level", (object?)level ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var codes = new List<string>();
        while (reader.Read())
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    /// <summary>One report first, so the timed burst does not include loading code, fonts and the template.</summary>
    private static async Task WarmUp(string database, string folder, string locality)
    {
        var (code, text) = await Cli(database, folder, "run", Template, "--set", "year=" + Year, "--set", "locality=" + locality);
        if (code != 0)
        {
            throw new InvalidOperationException("The warm-up report failed:\n" + text);
        }
    }

    /// <summary>The burst, timed; its output must be the documented one: a path per committee, the summary, a run line per committee.</summary>
    private static async Task<(double Seconds, string? Error)> Burst(string database, string folder, List<string> committees)
    {
        var watch = Stopwatch.StartNew();
        var (code, text) = await Cli(database, folder, "run", Template, "--set", "year=" + Year, "--committees", string.Join(',', committees));
        var seconds = watch.Elapsed.TotalSeconds;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var expected = lines.Length == 2 * committees.Count + 1
            && lines.Take(committees.Count).All(l => l.EndsWith(".pdf", StringComparison.Ordinal))
            && lines[committees.Count].StartsWith($"deliveries: {committees.Count} committees, 0 sent, ", StringComparison.Ordinal)
            && lines.Skip(committees.Count + 1).All(l => l.StartsWith("run ", StringComparison.Ordinal) && l.EndsWith(": succeeded", StringComparison.Ordinal));
        return code == 0 && expected ? (seconds, null) : (seconds, $"The burst exited with {code} or printed something else:\n{text}");
    }

    private static async Task<(int Code, string Output)> Cli(string database, string folder, params string[] args)
    {
        // No SMTP server: deliveries are queued and wait, whatever the environment says.
        Environment.SetEnvironmentVariable("Smtp__Host", "");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CommandLineApplication.RunAsync([.. args, "--db", database, "--archive", Path.Combine(folder, "archive")], output, error);
        return (code, output.ToString() + error);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static long PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }
}
