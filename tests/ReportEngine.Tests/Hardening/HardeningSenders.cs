using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>Senders made in the test process, each with its own id, pointed at a test's database, archive and SMTP server.</summary>
internal static class HardeningSenders
{
    public static SmtpOptions Smtp(SmtpServer server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = SmtpSecurity.None,
        From = "Ban Dân vận <reports@example.org>",
        TimeoutSeconds = 10,
    };

    public static DeliverySender Sender(DeliveryWorld world, SmtpOptions smtp, DeliveryOptions options, ILogger? logger = null) =>
        new(world.Outbox, new CommitteeStore(world.Database), world.Archive, smtp, options,
            logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new BurstStore(world.Database, TimeProvider.System));
}

/// <summary>Keeps every line logged, so a test can wait for one.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
