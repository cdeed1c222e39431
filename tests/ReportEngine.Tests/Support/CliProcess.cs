using System.Diagnostics;

namespace ReportEngine.Tests.Support;

/// <summary>
/// The real command line in a child process (`dotnet ReportEngine.dll ...`), for what only a process
/// shows: its exit code when the runtime dies (134 after a stack overflow or an unhandled exception),
/// and everything it prints, stack traces included.
/// </summary>
public sealed record CliProcess(int ExitCode, string Output, string Error)
{
    /// <param name="limits">Wraps the process in `prlimit` with these options, e.g. "--fsize=65536".</param>
    public static async Task<CliProcess> Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string? limits, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ReportEngine.dll");
        var start = new ProcessStartInfo(limits is null ? "dotnet" : "prlimit")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (limits is not null)
        {
            start.ArgumentList.Add(limits);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // `serve` also hosts the console: on a free port, so workers of tests running side by side never compete for 5080.
        start.Environment["Web__Urls"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ReportEngine {string.Join(' ', args)} did not finish within 2 minutes.");
        }

        return new CliProcess(process.ExitCode, await output, await error);
    }

    public static Task<CliProcess> Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, null, args);

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What a failed command must look like: exit 1 and exactly one `error:` line, no stack trace.</summary>
    public void AssertOneErrorLine()
    {
        Assert.True(ExitCode == 1, $"exit code {ExitCode}, expected 1\nstdout:\n{Output}\nstderr:\n{Error}");
        Assert.True(ErrorLines.Count == 1 && ErrorLines[0].StartsWith("error: ", StringComparison.Ordinal),
            $"expected one error: line on stderr, got:\n{Error}");
        Assert.DoesNotContain("   at ", Output + Error, StringComparison.Ordinal);
    }
}
