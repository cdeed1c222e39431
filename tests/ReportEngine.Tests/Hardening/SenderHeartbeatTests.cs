using Dapper;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// Point 7 of issue 11: a sender is alive while its heartbeat row is fresh. Its claims are never taken over,
/// however long a send takes and whatever its host name or process id; a claim is taken over only when
/// the heartbeat is older than Delivery:ClaimTimeout, which must exceed the SMTP timeout plus the heartbeat interval.
/// </summary>
[Collection(DeliveryGroup.Name)]
public sealed class SenderHeartbeatTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_live_senders_claim_is_never_taken_over_even_when_its_send_outlasts_the_claim_timeout()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy");          // two e-mails, pending: no Smtp:Host yet
        var (target, other) = (world.Outbox.List()[0], world.Outbox.List()[1]);
        world.Sql("UPDATE deliveries SET next_attempt_at = '2999-01-01T00:00:00.000Z' WHERE id = @Id", new { other.Id }); // one delivery in play
        // Each send takes about 4.5 s (1.5 s before each reply), more than twice the claim timeout below.
        var script = new SmtpScript { Delays = { ["MAIL"] = 1.5, ["RCPT"] = 1.5, ["DATA"] = 1.5 } };
        using var server = await SmtpServer.Start(world.File("smtp"), script: script);
        var options = new DeliveryOptions { ClaimTimeout = TimeSpan.FromSeconds(2), HeartbeatInterval = TimeSpan.FromMilliseconds(200), FirstRetryDelay = TimeSpan.Zero };
        var first = HardeningSenders.Sender(world, HardeningSenders.Smtp(server), options);
        var second = HardeningSenders.Sender(world, HardeningSenders.Smtp(server), options);
        Assert.NotEqual(first.Id, second.Id);

        var firstPass = first.SendDueAsync(null, CancellationToken.None);
        await Poll.Until(() => Claimed(world, target.Id) == first.Id, TimeSpan.FromSeconds(20), () => "the first sender never claimed the delivery");
        var secondPasses = 0;
        while (!firstPass.IsCompleted)
        {
            await second.SendDueAsync(null, CancellationToken.None);   // a pass of its own while the first is mid-send
            secondPasses++;
            await Task.Delay(300);
        }

        var pass = await firstPass;
        await second.SendDueAsync(null, CancellationToken.None);

        Assert.True(secondPasses >= 2, $"the second sender made only {secondPasses} passes during the first one's");
        Assert.Equal(1, pass.Sent);
        var sent = world.Outbox.Find(target.Id)!;
        Assert.Equal((DeliveryStatus.Sent, 1L), (sent.Status, sent.Attempts));
        Assert.Equal(target.Address, Assert.Single(server.Messages()).EnvelopeRecipient);
        Assert.Equal(DeliveryStatus.Pending, world.Outbox.Find(other.Id)!.Status);
    }

    [Fact]
    public async Task A_claim_is_taken_over_when_its_senders_heartbeat_is_older_than_the_timeout_and_kept_while_it_is_fresh_whatever_the_host_and_pid()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy");
        using var server = await SmtpServer.Start(world.File("smtp"));
        var (dead, live) = (world.Outbox.List()[0], world.Outbox.List()[1]);
        var now = DateTimeOffset.UtcNow;
        // "dead": a sender that stopped beating 11 minutes ago, its claim a moment old. "live": a sender in another
        // container with this machine's host name and a process id that does not exist here, beating now, its claim an hour old.
        Sender(world, "dead", Environment.MachineName, Environment.ProcessId, now.AddMinutes(-11));
        Sender(world, "live", Environment.MachineName, 999_999_999, now);
        Claim(world, dead.Id, "dead", now);
        Claim(world, live.Id, "live", now.AddHours(-1));

        var sender = HardeningSenders.Sender(world, HardeningSenders.Smtp(server), new DeliveryOptions());   // ClaimTimeout 10 min
        var pass = await sender.SendDueAsync(null, CancellationToken.None);

        Assert.Equal(1, pass.Sent);
        Assert.Equal(dead.Address, Assert.Single(server.Messages()).EnvelopeRecipient);
        Assert.Equal(DeliveryStatus.Sent, world.Outbox.Find(dead.Id)!.Status);
        Assert.Equal(DeliveryStatus.Pending, world.Outbox.Find(live.Id)!.Status);
        Assert.Equal("live", Claimed(world, live.Id));
    }

    [Fact]
    public async Task A_claim_timeout_not_above_the_smtp_timeout_plus_the_heartbeat_interval_is_refused_at_start()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = SmtpServer.Down(world.File("smtp"));
        var settings = DeliveryWorld.Settings(server.Environment,
            ("Smtp__TimeoutSeconds", "60"), ("Delivery__ClaimTimeout", "00:01:05"), ("Delivery__HeartbeatInterval", "00:00:05"));

        foreach (var verb in new[] { new[] { "deliveries", "send" }, ["serve"] })
        {
            var (code, output) = await world.Cli(settings, verb);

            Assert.True(code == 1, $"{string.Join(' ', verb)} exited with {code}:\n{output}");
            Assert.Contains("Delivery:ClaimTimeout (00:01:05) must exceed Smtp:TimeoutSeconds (00:01:00) plus Delivery:HeartbeatInterval (00:00:05)", output, StringComparison.Ordinal);
        }

        var (accepted, again) = await world.Cli(DeliveryWorld.Settings(server.Environment, ("Smtp__TimeoutSeconds", "60"), ("Delivery__ClaimTimeout", "00:01:06"),
            ("Delivery__HeartbeatInterval", "00:00:05")), "deliveries", "send");
        Assert.True(accepted == 0, again);
    }

    private static void Sender(DeliveryWorld world, string id, string host, int pid, DateTimeOffset heartbeat) =>
        world.Sql("INSERT INTO delivery_senders (id, host, process_id, started_at, heartbeat_at) VALUES (@id, @host, @pid, @at, @at)",
            new { id, host, pid, at = RunStore.Timestamp(heartbeat) });

    private static void Claim(DeliveryWorld world, long id, string sender, DateTimeOffset at) =>
        world.Sql("UPDATE deliveries SET claimed_by = @sender, claimed_at = @at WHERE id = @id", new { id, sender, at = RunStore.Timestamp(at) });

    private static string? Claimed(DeliveryWorld world, long id)
    {
        using var connection = SqliteDatabase.Open(world.Database, readOnly: true);
        return connection.ExecuteScalar<string?>("SELECT claimed_by FROM deliveries WHERE id = @id", new { id });
    }
}
