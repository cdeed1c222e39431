using Microsoft.Extensions.Logging;

namespace ReportEngine.Cli;

/// <summary>
/// The one-shot verbs' logger: warnings and errors of the services they call (a delivery deferred, the
/// database refusing `sent`) as `warning: …` lines on the error writer; information stays quiet, as the
/// verb prints its own summary.
/// </summary>
internal sealed class ErrorWriterLogger(TextWriter error) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            lock (error)
            {
                error.WriteLine($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}");
            }
        }
    }
}
