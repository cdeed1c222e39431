using Dapper;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Tests.Delivery;

/// <summary>Claims: a sender that died (even one whose process id was reused) never strands a delivery.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class OutboxClaimTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Claims_of_dead_senders_are_taken_back_live_ones_kept_and_another_machines_after_the_timeout()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy,la-gi");
        var ids = world.Outbox.List().Select(d => d.Id).ToList();
        var now = RunStore.Timestamp(DateTimeOffset.UtcNow);
        var hourAgo = RunStore.Timestamp(DateTimeOffset.UtcNow.AddHours(-1));
        Claim(world, ids[0], Outbox.SenderName, now);                                             // this process: alive
        Claim(world, ids[1], $"{Environment.MachineName}:{Environment.ProcessId}:1", now);        // same pid, another start: dead
        Claim(world, ids[2], $"{Environment.MachineName}:999999999:1", now);                      // no such process
        Claim(world, ids[3], "another-host:42:1", now);                                            // cannot tell yet

        Assert.Equal(2, world.Outbox.ReleaseAbandonedClaims(TimeSpan.FromMinutes(10)));
        Assert.False(world.Outbox.TryClaim(ids[0], "someone"));
        Assert.True(world.Outbox.TryClaim(ids[1], "someone"));
        Assert.True(world.Outbox.TryClaim(ids[2], "someone"));
        Assert.False(world.Outbox.TryClaim(ids[3], "someone"));

        Claim(world, ids[3], "another-host:42:1", hourAgo);
        Assert.Equal(1, world.Outbox.ReleaseAbandonedClaims(TimeSpan.FromMinutes(10)));
        Assert.True(world.Outbox.TryClaim(ids[3], "someone"));
    }

    private static void Claim(DeliveryWorld world, long id, string sender, string at)
    {
        using var connection = SqliteDatabase.Open(world.Database);
        connection.Execute("UPDATE deliveries SET claimed_by = @sender, claimed_at = @at WHERE id = @id", new { id, sender, at });
    }
}
