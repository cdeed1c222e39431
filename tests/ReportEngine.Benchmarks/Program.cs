using System.Diagnostics;
using System.Globalization;
using ReportEngine.Benchmarks;
using ReportEngine.Layout;

// Usage: dotnet run -c Release --project tests/ReportEngine.Benchmarks -- <w1|w2|big|import|burst|burst-10x|runs-page|console-runs-page|nation-gen|nation|all> [runs]
// Each layout workload warms up, then prints one line: NAME docs=N pages=N seconds=median bytes=N peak_mb=N;
// import prints IMPORT format=csv|xlsx rows=N seconds=N peak_mb=N (one run each, into an empty database).
// The burst workloads render reports from a demo database they build first (not timed) and print
// BURST reports=N seconds=… reports_per_second=… peak_mb=… (BURST-10X adds the commune query times).
// runs-page times the console's runs page over 100,000 runs: RUNS-PAGE runs=N queries=N p50_ms=… p95_ms=… max_ms=….
// console-runs-page requests that page over HTTP from a real `serve`: CONSOLE-RUNS-PAGE runs=N requests=N p50_ms=… p95_ms=… (server time).
// nation-gen times `demo --scale nation` on a throwaway PostgreSQL (NATION-GEN seconds=… rows=…) and then one province's and
// three communes' reports from it; nation renders the burst over its 3,355 committees with 1, 2 and 3 `serve` workers:
// NATION reports=3355 workers=N seconds=… reports_per_second=… (neither is in "all": they need PostgreSQL and take long;
// NATION_WORKERS=1, NATION_SCALE_FACTOR=0.02 and NATION_LEAD_SECONDS make a quick trial, see NationWorkload.Burst).
var which = args.Length > 0 ? args[0].ToLowerInvariant() : "all";
var runs = args.Length > 1 && which is not ("import-one" or "burst-setup" or "console-serve") ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var output = Path.Combine(Path.GetTempPath(), "reportengine-bench");
Directory.CreateDirectory(output);

switch (which)
{
    case "w1":
        W1(Math.Max(runs, 11));
        break;
    case "w2":
        W2(runs);
        break;
    case "big":
        Big(Math.Min(runs, 5));
        break;
    case "import":
        return ImportWorkload.Run(output);
    case "import-one":
        return ImportWorkload.One(args[1], args[2], args[3]);
    case "burst":
        return await BurstWorkload.All(output);
    case "burst-10x":
        return await BurstWorkload.Tenfold(output);
    case "runs-page":
        return RunsPageWorkload.Run(output);
    case "nation-gen":
        return await NationWorkload.Generate(output);
    case "nation":
        return await NationWorkload.Burst(output);
    case "console-runs-page":
        return await ConsoleRunsPageWorkload.Run(output);
    case "console-serve":
        // The child process console-runs-page starts: args[1] is the database, args[2] the archive.
        return await ConsoleRunsPageWorkload.Serve(args[1], args[2]);
    case "burst-setup":
        // The child process that builds the burst workloads' databases: args[1] is the folder, args[2] 1x or 10x.
        BurstWorkload.Setup(args[1], args[2] == "10x");
        break;
    case "all":
        // Each workload in its own process, so each line's peak_mb is that workload's own peak.
        foreach (var workload in new[] { "w1", "w2", "big", "import", "burst", "burst-10x", "runs-page", "console-runs-page" })
        {
            using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [workload, runs.ToString(CultureInfo.InvariantCulture)]))!;
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }

        break;
    default:
        Console.Error.WriteLine("usage: <w1|w2|big|import|burst|burst-10x|runs-page|console-runs-page|nation-gen|nation|all> [runs]");
        return 2;
}

return 0;

void W1(int count)
{
    var document = W1Report.Create();
    byte[] bytes = [];
    for (var i = 0; i < 10; i++)
    {
        bytes = document.GeneratePdf();
    }

    var seconds = Median(count, () => bytes = document.GeneratePdf());
    File.WriteAllBytes(Path.Combine(output, "w1.pdf"), bytes);
    Report("W1", 1, document.PageCount, seconds, bytes.Length);

    for (var i = 0; i < 5; i++)
    {
        bytes = HandDrawnW1.Render();
    }

    var baselineSeconds = Median(count, () => bytes = HandDrawnW1.Render());
    File.WriteAllBytes(Path.Combine(output, "w1-hand-drawn.pdf"), bytes);
    Report("BASELINE-W1", 1, HandDrawnW1.PageCount, baselineSeconds, bytes.Length);
}

void W2(int count)
{
    var orgs = SampleData.Organizations;
    var folder = Path.Combine(output, "w2");
    Directory.CreateDirectory(folder);
    long bytes = 0;
    var pages = 0;
    void RunOnce()
    {
        long total = 0;
        var pageTotal = 0;
        Parallel.For(0, orgs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => (0L, 0), (i, _, local) =>
        {
            var path = Path.Combine(folder, $"{orgs[i].Id:D5}.pdf");
            var document = W2Sheets.Create(orgs[i]);
            var n = document.GeneratePdf(path);
            return (local.Item1 + new FileInfo(path).Length, local.Item2 + n);
        }, local =>
        {
            Interlocked.Add(ref total, local.Item1);
            Interlocked.Add(ref pageTotal, local.Item2);
        });
        bytes = total;
        pages = pageTotal;
    }

    RunOnce();
    var seconds = Median(count, RunOnce);
    Report("W2", orgs.Count, pages, seconds, bytes);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# W2 documents per second: {orgs.Count / seconds:0}"));
}

void Big(int count)
{
    var path = Path.Combine(output, "big.pdf");
    var document = BigTable.Create();
    BigTable.Create(200).GeneratePdf(Stream.Null);
    var pages = 0;
    var seconds = Median(count, () => pages = document.GeneratePdf(path));
    Report("BIG", 1, pages, seconds, new FileInfo(path).Length);
}

static double Median(int count, Action action)
{
    var times = new List<double>();
    for (var i = 0; i < Math.Max(5, count); i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalSeconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

static void Report(string name, int docs, int pages, double seconds, long bytes)
{
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var peak = process.PeakWorkingSet64 / (1024 * 1024);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} docs={docs} pages={pages} seconds={seconds:0.000} bytes={bytes} peak_mb={peak}"));
}
