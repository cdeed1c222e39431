using Dapper;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;

namespace ReportEngine.Tests.Delivery;

/// <summary>Claims: a sender whose heartbeat stopped never strands a delivery; one that beats keeps it.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class OutboxClaimTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Claims_are_taken_back_when_their_senders_heartbeat_is_older_than_the_timeout_and_kept_while_it_beats()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy,la-gi");
        var ids = world.Outbox.List().Select(d => d.Id).ToList();
        var now = RunStore.Timestamp(DateTimeOffset.UtcNow);
        var hourAgo = RunStore.Timestamp(DateTimeOffset.UtcNow.AddHours(-1));
        world.Outbox.Beat("beating");
        world.Sql("INSERT INTO delivery_senders (id, host, process_id, started_at, heartbeat_at) VALUES ('stopped', 'here', 1, @hourAgo, @hourAgo)", new { hourAgo });
        Claim(world, ids[0], "beating", hourAgo);                                  // a long send: the heartbeat says alive
        Claim(world, ids[1], "stopped", now);                                      // heartbeat an hour old: dead
        Claim(world, ids[2], $"{Environment.MachineName}:999999999:1", now);       // an older version's claim, no heartbeat: judged by its age
        Claim(world, ids[3], "another-host:42:1", hourAgo);

        Assert.Equal(2, world.Outbox.ReleaseAbandonedClaims(TimeSpan.FromMinutes(10)));
        Assert.False(world.Outbox.TryClaim(ids[0], "someone"));
        Assert.True(world.Outbox.TryClaim(ids[1], "someone"));
        Assert.False(world.Outbox.TryClaim(ids[2], "someone"));
        Assert.True(world.Outbox.TryClaim(ids[3], "someone"));
    }

    private static void Claim(DeliveryWorld world, long id, string sender, string at)
    {
        using var connection = SqliteDatabase.Open(world.Database);
        connection.Execute("UPDATE deliveries SET claimed_by = @sender, claimed_at = @at WHERE id = @id", new { id, sender, at });
    }
}
