using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ReportEngine.Delivery;

/// <summary>
/// A sender's proof of life: a random id drawn when the sender is made, and its row in delivery_senders,
/// whose heartbeat is written every Delivery:HeartbeatInterval while a pass runs, by a timer of its own
/// (so a long SMTP send keeps it fresh). Other senders take a claim over only when this heartbeat is older
/// than Delivery:ClaimTimeout; a process id or host name is never used to judge liveness (both repeat
/// across containers and restarts).
/// </summary>
public sealed class SenderHeartbeat(Outbox outbox, TimeSpan interval, TimeProvider clock, ILogger logger)
{
    /// <summary>The id this sender signs its claims with.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Writes the heartbeat now; throws when the database refuses (the caller decides what that stops).</summary>
    public void Beat() => outbox.Beat(Id);

    /// <summary>Beats at once (throwing if it cannot), then every interval until the returned scope is disposed.</summary>
    public IAsyncDisposable KeepAlive()
    {
        Beat();
        var stop = new CancellationTokenSource();
        var loop = Task.Run(() => Loop(stop.Token));
        return new Scope(stop, loop);
    }

    private async Task Loop(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    Beat();
                }
                catch (Exception e) when (e is DbException or ReportEngineException)
                {
                    // A busy or unreachable database (SQLite, PostgreSQL; a connection that cannot open is a ReportEngineException): tried again at the next tick; a sender that cannot beat for ClaimTimeout may lose its claims.
                    logger.LogWarning("delivery sender {Sender}: could not write its heartbeat: {Error}", Id, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The pass ended.
        }
    }

    private sealed class Scope(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
