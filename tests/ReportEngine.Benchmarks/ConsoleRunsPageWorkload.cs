using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ReportEngine.Cli;
using ReportEngine.Runs;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The console's runs page over HTTP with 100,000 runs in history (issue 12: p95 under 100 ms server time).
/// Builds the runs table (not timed), adds a viewer with `users add`, starts the real `serve` (worker and
/// console) in a child process on a free loopback port, logs in, then requests /runs many times with varied
/// filters and pages (by keyset both ways) and reads each response's Server-Timing header. Prints
/// CONSOLE-RUNS-PAGE runs=N requests=N p50_ms=… p95_ms=… max_ms=… client_p95_ms=….
/// </summary>
internal static partial class ConsoleRunsPageWorkload
{
    private const int Requests = 1_000;
    private const string User = "bench-viewer";
    private const string Password = "a benchmark's long password";

    public static async Task<int> Run(string output)
    {
        var folder = Path.Combine(output, "console-runs-page");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "runs.db");
        RunsPageWorkload.Fill(database);
        var passwordFile = Path.Combine(folder, "password.txt");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        var added = await CommandLineApplication.RunAsync(["users", "add", User, "--role", "viewer", "--password-file", passwordFile, "--db", database]);
        if (added != 0)
        {
            return added;
        }

        var port = FreePort();
        using var server = StartServe(database, folder, port);
        try
        {
            var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
            using var client = new HttpClient(handler) { BaseAddress = address };
            await WaitForHealth(client, server);
            await Login(client);

            var random = new Random(21);
            var server95 = new List<double>();
            var client95 = new List<double>();
            for (var i = 0; i < Requests + 50; i++)
            {
                var path = PagePath(i, random);
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<table class=\"runs\">", StringComparison.Ordinal))
                {
                    await Console.Error.WriteLineAsync($"GET {path} answered {(int)response.StatusCode}");
                    return 1;
                }

                if (i >= 50)
                {
                    // The first 50 warm the host up (Razor's first render, SQLite's page cache).
                    server95.Add(ServerMilliseconds(response));
                    if (Environment.GetEnvironmentVariable("BENCH_DETAIL") is not null)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server95[^1]:0.0} {path}"));
                    }
                    client95.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            server95.Sort();
            client95.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CONSOLE-RUNS-PAGE runs={RunsPageWorkload.Runs} requests={server95.Count} p50_ms={server95[server95.Count / 2]:0.0} p95_ms={server95[(int)(server95.Count * 0.95)]:0.0} max_ms={server95[^1]:0.0} client_p95_ms={client95[(int)(client95.Count * 0.95)]:0.0}"));
            return 0;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    /// <summary>The pages people ask for: unfiltered, by template, status, requester, a day to a quarter, deep pages, and back.</summary>
    private static string PagePath(int i, Random random)
    {
        var day = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
        var filter = (i % 6) switch
        {
            0 => "",
            1 => "template=" + RunsPageWorkload.Templates[random.Next(RunsPageWorkload.Templates.Length)],
            2 => "status=" + RunStatus.Failed,
            3 => "who=user" + random.Next(10).ToString(CultureInfo.InvariantCulture),
            4 => $"from={day:yyyy-MM-dd}&to={day.AddDays(random.Next(0, 91)):yyyy-MM-dd}",
            _ => $"template={RunsPageWorkload.Templates[0]}&status={RunStatus.Succeeded}",
        };
        var key = random.Next(1, RunsPageWorkload.Runs).ToString(CultureInfo.InvariantCulture);
        var page = (i / 6 % 3) switch
        {
            0 => "",
            1 => "before=" + key,
            _ => "after=" + key,
        };
        return "/runs?" + string.Join("&", new[] { filter, page }.Where(p => p.Length > 0));
    }

    private static double ServerMilliseconds(HttpResponseMessage response)
    {
        var header = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : "";
        var match = Duration().Match(header);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"no Server-Timing duration in \"{header}\"");
    }

    private static Process StartServe(string database, string folder, int port)
    {
        // This program again (through `dotnet` when it was started as `dotnet ReportEngine.Benchmarks.dll`).
        string[] arguments = ["console-serve", database, Path.Combine(folder, "archive")];
        var viaHost = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
        var start = new ProcessStartInfo(Environment.ProcessPath!, viaHost ? [typeof(ConsoleRunsPageWorkload).Assembly.Location, .. arguments] : arguments);
        start.Environment["Web__Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Schedules__Path"] = Path.Combine(folder, "schedules.yaml"); // none: nothing fires meanwhile
        start.Environment["Smtp__Host"] = "";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    /// <summary>The child process: `serve` over the database, until killed.</summary>
    public static Task<int> Serve(string database, string archive) =>
        CommandLineApplication.RunAsync(["serve", "--db", database, "--archive", archive]);

    private static async Task WaitForHealth(HttpClient client, Process server)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !server.HasExited)
        {
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("serve did not answer /health within a minute");
    }

    private static async Task Login(HttpClient client)
    {
        var page = await client.GetStringAsync("/login");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = User,
            ["password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/login", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"login answered {(int)response.StatusCode}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"dur=([0-9.]+)")]
    private static partial Regex Duration();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
