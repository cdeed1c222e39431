using ReportEngine.Cli;

namespace ReportEngine.Tests.Support;

/// <summary>Runs the command line in-process, capturing what it prints and its exit code.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLineApplication.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
