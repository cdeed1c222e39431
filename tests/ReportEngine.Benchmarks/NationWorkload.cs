using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using ReportEngine.Cli;
using ReportEngine.Data;
using ReportEngine.Reports;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The nation on PostgreSQL: NATION-GEN times `demo --scale nation` (full size, throwaway cluster) and
/// then one province's and a few communes' annual assessments from it; NATION renders the burst over
/// all 3,355 committees with 1, 2 and 3 `serve` workers on fresh copies of the generated database.
/// Run from the repository root (the templates folder is read from there).
/// </summary>
internal static class NationWorkload
{
    private const int Committees = 3355;
    private const string Year = "2026";

    public static async Task<int> Generate(string output)
    {
        using var postgres = new ThrowawayPostgres();
        var (database, seconds, rows) = await MakeNation(postgres);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NATION-GEN seconds={seconds:0.0} rows={rows}"));

        // Whether reports stay quick on the nation's data: the largest province, and the median of three communes.
        var reader = ReaderRole(database);
        var templates = Path.GetFullPath("templates");
        var runner = new ReportRunner(templates, TimeProvider.System, TimeSpan.FromMinutes(5));
        double Render(string locality)
        {
            using var connection = ReportsDatabase.OpenForReports(database, reader);
            var watch = Stopwatch.StartNew();
            runner.Render(new ReportRequest("annual-assessment", new Dictionary<string, string> { ["year"] = Year, ["locality"] = locality }, "vi"),
                connection, Path.Combine(output, "nation"));
            return watch.Elapsed.TotalSeconds;
        }

        string[] communes;
        using (var connection = PostgresDatabase.Open(database))
        {
            communes = connection.Query<string>("SELECT code FROM localities WHERE level = 'commune' ORDER BY id").Where((_, i) => i % 1000 == 500).ToArray();
        }

        Render(communes[0]);
        var communeSeconds = communes.Select(Render).Order().ToArray()[communes.Length / 2];
        var provinceSeconds = Render("ho-chi-minh");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NATION-GEN-REPORTS province=ho-chi-minh province_seconds={provinceSeconds:0.00} commune_seconds={communeSeconds:0.00} (median of {communes.Length})"));

        // The part of those times the data decides: each query of one commune's and the province's report.
        foreach (var locality in new[] { communes[1], "ho-chi-minh" })
        {
            var times = QueryTimes.Measure(database, templates, "annual-assessment",
                new Dictionary<string, string> { ["year"] = Year, ["locality"] = locality }, reader);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"NATION-GEN-QUERIES locality={locality} total_ms={times.Sum(t => t.Milliseconds):0.0} {string.Join(' ', times.Select(t => $"{t.Query}={t.Milliseconds:0.0}"))}"));
        }

        return 0;
    }

    /// <summary>
    /// For a quick trial: NATION_WORKERS (e.g. "1") limits the worker counts, NATION_SCALE_FACTOR (e.g. "0.02")
    /// shrinks the organisations and members (every committee stays, so reports= is still 3,355).
    /// </summary>
    public static async Task<int> Burst(string output)
    {
        var counts = Environment.GetEnvironmentVariable("NATION_WORKERS") is { Length: > 0 } listed
            ? listed.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray()
            : [1, 2, 3];
        using var postgres = new ThrowawayPostgres();
        var (template, seconds, _) = await MakeNation(postgres, Environment.GetEnvironmentVariable("NATION_SCALE_FACTOR"));
        // The role and its grants come along in every copy; each copy is read through it under its own name.
        ReaderRole(template);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nation generated in {seconds:0.0} s"));
        // The template database must have no session open while it is copied.
        NpgsqlConnection.ClearAllPools();
        foreach (var workers in counts)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"nation_w{workers}");
            postgres.CreateDatabase(name, template: "nation");
            var copy = postgres.ConnectionString(name);
            var reader = new NpgsqlConnectionStringBuilder(copy) { Username = "reportengine_reader" }.ToString();
            var folder = Path.Combine(output, name);
            var result = await TimeBurst(copy, reader, workers, folder);
            if (result is null)
            {
                return 1;
            }

            // 3,355 PDFs (about 165 MB) per worker count: kept only when the burst did not finish, for its logs.
            Directory.Delete(folder, recursive: true);

            var (elapsed, failed) = result.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"NATION reports={Committees} workers={workers} seconds={elapsed:0.0} reports_per_second={Committees / elapsed:0.00} failed={failed}"));
        }

        return 0;
    }

    /// <summary>`demo --scale nation` into a new database "nation", in this process; its seconds and the rows it printed.</summary>
    private static async Task<(string Database, double Seconds, long Rows)> MakeNation(ThrowawayPostgres postgres, string? scaleFactor = null)
    {
        postgres.CreateDatabase("nation");
        var database = postgres.ConnectionString("nation");
        using var printed = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        string[] scaled = scaleFactor is { Length: > 0 } ? ["--scale-factor", scaleFactor] : [];
        var code = await CommandLineApplication.RunAsync(["demo", "--scale", "nation", "--db", database, .. scaled], printed, error);
        var seconds = watch.Elapsed.TotalSeconds;
        if (code != 0)
        {
            throw new InvalidOperationException("demo --scale nation failed: " + error);
        }

        Console.Error.Write(printed.ToString());
        var rows = printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(": ", StringComparison.Ordinal)).Sum(l => long.Parse(l.Split(": ")[1], CultureInfo.InvariantCulture));
        return (database, seconds, rows);
    }

    /// <summary>The role reports read through (`db reader-role`); copies of the database keep its grants.</summary>
    private static string ReaderRole(string database)
    {
        var code = CommandLineApplication.RunAsync(["db", "reader-role", "--name", "reportengine_reader", "--db", database], TextWriter.Null, Console.Error)
            .GetAwaiter().GetResult();
        if (code != 0)
        {
            throw new InvalidOperationException("db reader-role failed");
        }

        return new NpgsqlConnectionStringBuilder(database) { Username = "reportengine_reader" }.ToString();
    }

    /// <summary>
    /// Starts the workers on a schedule that fires 90 s ahead (NATION_LEAD_SECONDS; time to start, check it and join the cluster) with a burst
    /// over the provinces' and one over the communes' committees; seconds from the firing until every committee
    /// has a finished run, and how many of those failed. Null when it did not finish within the hour.
    /// </summary>
    private static async Task<(double Seconds, long Failed)?> TimeBurst(string database, string reader, int workers, string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "config"));
        // Each worker checks every committee's report of a burst schedule before it schedules it: on a busy machine
        // that takes a while, and a cron time already past when the trigger is made never fires.
        var lead = int.Parse(Environment.GetEnvironmentVariable("NATION_LEAD_SECONDS") is { Length: > 0 } l ? l : "90", CultureInfo.InvariantCulture);
        var due = DateTimeOffset.UtcNow.AddSeconds(lead);
        due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, due.Second, TimeSpan.Zero);
        var vietnam = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var cron = string.Create(CultureInfo.InvariantCulture,
            $"{vietnam.Second} {vietnam.Minute} {vietnam.Hour} {vietnam.Day} {vietnam.Month} ? {vietnam.Year}");
        await File.WriteAllTextAsync(Path.Combine(folder, "config", "schedules.yaml"), $"""
            schedules:
              - id: nation-provinces
                template: annual-assessment
                parameters: {"{"} year: "{Year}" {"}"}
                committees: province
                cron: "{cron}"
              - id: nation-communes
                template: annual-assessment
                parameters: {"{"} year: "{Year}" {"}"}
                committees: commune
                cron: "{cron}"
            """);

        var processes = Enumerable.Range(0, workers).Select(i => StartServe(database, reader, folder, Path.Combine(folder, $"worker-{i + 1}.log"))).ToList();
        try
        {
            using var connection = PostgresDatabase.Open(database);
            var deadline = DateTimeOffset.UtcNow.AddHours(1);
            while (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
                {
                    Console.Error.WriteLine($"a worker exited with {exited.ExitCode}");
                    return null;
                }

                if (DateTimeOffset.UtcNow > due.AddMinutes(2) && connection.ExecuteScalar<long>("SELECT COUNT(*) FROM bursts") == 0)
                {
                    Console.Error.WriteLine($"the schedules did not fire (see the workers' logs in {folder}); a longer NATION_LEAD_SECONDS may help");
                    return null;
                }

                var finished = Finished(connection);
                if (finished.Committees >= Committees)
                {
                    return ((DateTimeOffset.UtcNow - due).TotalSeconds, finished.Failed);
                }
            }

            Console.Error.WriteLine("the burst did not finish within the hour");
            return null;
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }

                process.Dispose();
            }
        }
    }

    /// <summary>Committees whose run in a burst has finished (succeeded or failed), and how many failed.</summary>
    private static (long Committees, long Failed) Finished(NpgsqlConnection connection) =>
        connection.QuerySingle<(long, long)>(
            """
            SELECT COUNT(DISTINCT b.committee_id), COUNT(DISTINCT b.committee_id) FILTER (WHERE r.status = 'failed')
            FROM burst_runs b JOIN runs r ON r.id = b.run_id
            WHERE r.status IN ('succeeded', 'failed')
            """);

    private static Process StartServe(string database, string reader, string folder, string log)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ReportEngine.dll"), "serve", "--db", database })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ConnectionStrings__Reports"] = database;
        start.Environment["ConnectionStrings__ReportsReader"] = reader;
        start.Environment["Templates__Path"] = Path.GetFullPath("templates");
        // One archive for all the workers of the database, as a shared mount would be.
        start.Environment["Archive__Path"] = Path.Combine(folder, "archive");
        start.Environment["Web__Urls"] = "http://127.0.0.1:0";
        start.Environment["Worker__PollInterval"] = "00:00:00.200";
        start.Environment["Worker__ClusterCheckinInterval"] = "00:00:01";
        start.Environment["Worker__ClusterCheckinMisfireThreshold"] = "00:00:02";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // The worker's log into its file (read continuously, so a full pipe never stalls it).
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.Exited += (_, _) => writer.Flush();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
