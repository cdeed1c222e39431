using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReportEngine.Tests.Support;

/// <summary>
/// The real worker in a child process: `dotnet ReportEngine.dll serve --db DB` in a working folder
/// of the test's own, so it reads that folder's config/ and writes its archive/ there. Disposing
/// kills it if it still runs.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private bool _disposed;

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join("\n", _lines);

    public static WorkerProcess Start(string workingDirectory, string database, IReadOnlyDictionary<string, string>? environment = null, params string[] verb)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReportEngine.dll"));
        foreach (var argument in verb.Length == 0 ? ["serve"] : verb)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(database);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // `serve` also hosts the console: on a free port, so workers of tests running side by side never compete for 5080.
        start.Environment["Web__Urls"] = "http://127.0.0.1:0";
        // Quick enough for tests: a firing more than a second late is a misfire.
        start.Environment["Worker__MisfireThreshold"] = "00:00:01";
        start.Environment["Worker__PollInterval"] = "00:00:00.200";
        start.Environment["Schedules__ReloadInterval"] = "00:00:01";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Sends SIGTERM, as systemd does to stop the service, and waits for the process to exit.</summary>
    public async Task Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    /// <summary>kill -9: the process gets no chance to clean up.</summary>
    public async Task KillHard()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task WaitForExit(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    public Task<string> WaitForLine(Func<string, bool> match, TimeSpan timeout) =>
        Poll.Until(() => _lines.FirstOrDefault(match), timeout, () => "worker output so far:\n" + Output);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
