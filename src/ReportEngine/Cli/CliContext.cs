using System.CommandLine;
using ReportEngine.Configuration;

namespace ReportEngine.Cli;

/// <summary>What every verb shares: the global options, the output writer and the clock.</summary>
public sealed class CliContext(Option<string?> database, TextWriter output, TimeProvider clock)
{
    public Option<string?> Database { get; } = database;

    public TextWriter Output { get; } = output;

    public TimeProvider Clock { get; } = clock;

    public ReportEngineSettings Settings(ParseResult parse)
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        var configuration = ReportEngineSettings.BuildConfiguration(workingDirectory);
        return ReportEngineSettings.Load(configuration, workingDirectory, parse.GetValue(Database));
    }
}
