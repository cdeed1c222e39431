using ReportEngine.Configuration;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// Point 8 of issue 11: once the server accepted a message, `sent` is recorded before anything else happens,
/// retried while the database refuses it, so the claim never expires into a second send; and a claim is
/// only taken on a delivery that is still pending and due, checked in the claiming UPDATE itself.
/// </summary>
[Collection(DeliveryGroup.Name)]
public sealed class RecordSentRetryTests(DeliveryFixture fixture)
{
    // The database refuses to record 'sent' (as SQLite does when it stays locked past its busy timeout) until the trigger is dropped.
    private const string RefuseSent = """
        CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON deliveries WHEN NEW.status = 'sent'
        BEGIN SELECT RAISE(ABORT, 'database is locked'); END
        """;

    [Fact]
    public async Task Sent_refused_by_the_database_is_retried_before_anything_else_and_recorded_and_no_sender_sends_it_again()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy");          // two e-mails, pending: no Smtp:Host yet
        var (target, deferred) = (world.Outbox.List()[0], world.Outbox.List()[1]);
        world.Sql("UPDATE deliveries SET next_attempt_at = '2999-01-01T00:00:00.000Z' WHERE id = @Id", new { deferred.Id }); // one delivery in play
        using var server = await SmtpServer.Start(world.File("smtp"));
        world.Sql(RefuseSent);
        var log = new ListLogger();
        var options = new DeliveryOptions { ClaimTimeout = TimeSpan.FromSeconds(1), HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        var sender = HardeningSenders.Sender(world, HardeningSenders.Smtp(server), options, log);

        var pass = sender.SendDueAsync(null, CancellationToken.None);
        await Poll.Until(() => log.Lines.Count(l => l.Contains("recording it as sent failed", StringComparison.Ordinal)) >= 3,
            TimeSpan.FromSeconds(30), () => string.Join("\n", log.Lines));
        // Three refusals later (longer than the claim timeout): the message went out once, the sender still holds
        // its claim, and another sender's pass neither takes it over nor sends it again.
        Assert.Equal(target.Address, Assert.Single(server.Messages()).EnvelopeRecipient);
        var other = HardeningSenders.Sender(world, HardeningSenders.Smtp(server), options);
        Assert.Equal(0, (await other.SendDueAsync(null, CancellationToken.None)).Sent);
        Assert.Single(server.Messages());
        Assert.False(pass.IsCompleted);
        world.Sql("DROP TRIGGER refuse_sent");

        var done = await pass;
        Assert.Equal(1, done.Sent);
        var recorded = world.Outbox.Find(target.Id)!;
        Assert.Equal((DeliveryStatus.Sent, 1L), (recorded.Status, recorded.Attempts));
        Assert.Equal(target.MessageId, Assert.Single(server.Messages()).MessageId);
        await other.SendDueAsync(null, CancellationToken.None);
        Assert.Single(server.Messages());
        Assert.Contains(log.Lines, l => l.Contains($"delivery {target.Id} ({target.Address}) was accepted by the server, but recording it as sent failed (attempt 1 of 10)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_is_claimed_only_while_it_is_pending_and_due()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy,la-gi");
        var ids = world.Outbox.List().Select(d => d.Id).ToList();
        var later = RunStore.Timestamp(DateTimeOffset.UtcNow.AddMinutes(5));
        // Listed as due by one sender, then deferred by another's failed attempt, failed for good, or sent meanwhile.
        world.Sql("UPDATE deliveries SET next_attempt_at = @later WHERE id = @id", new { later, id = ids[0] });
        world.Sql("UPDATE deliveries SET status = 'failed' WHERE id = @id", new { id = ids[1] });
        world.Sql("UPDATE deliveries SET status = 'sent' WHERE id = @id", new { id = ids[2] });

        Assert.False(world.Outbox.TryClaim(ids[0], "someone"));
        Assert.False(world.Outbox.TryClaim(ids[1], "someone"));
        Assert.False(world.Outbox.TryClaim(ids[2], "someone"));
        Assert.True(world.Outbox.TryClaim(ids[3], "someone"));
        Assert.False(world.Outbox.TryClaim(ids[3], "someone else"));
    }
}
