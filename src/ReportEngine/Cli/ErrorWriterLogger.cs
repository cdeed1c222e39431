using Microsoft.Extensions.Logging;

namespace ReportEngine.Cli;

/// <summary>
/// The one-shot verbs' logger: errors of the services they call (the database refusing `sent`, e-mail
/// stopped by the SMTP settings) as `error: …` lines on the error writer; warnings and information stay
/// quiet, as the verb prints its own summary and each delivery's last error.
/// </summary>
internal sealed class ErrorWriterLogger(TextWriter error) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            lock (error)
            {
                error.WriteLine($"error: {formatter(state, exception)}");
            }
        }
    }
}
