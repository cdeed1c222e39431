using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>The worker (`serve`) sends the outbox by itself, and rides out an SMTP server that is down.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class DeliveryWorkerTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Worker_keeps_trying_while_the_server_is_down_and_delivers_each_once_when_it_is_back()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phan-thiet,phu-quy");
        using var server = SmtpServer.Down(world.File("smtp"));
        var settings = DeliveryWorld.Settings(server.Environment,
            ("Delivery__PollInterval", "00:00:00.200"), ("Delivery__FirstRetryDelay", "00:00:00.200"),
            ("Delivery__MaxRetryDelay", "00:00:01"), ("Delivery__MaxAttempts", "100"));

        using var worker = WorkerProcess.Start(world.Path, world.Database, settings);
        await worker.WaitForLine(line => line.Contains("will retry", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.False(worker.HasExited, worker.Output);
        Assert.All(world.Outbox.List(), d => Assert.Equal(DeliveryStatus.Pending, d.Status));

        await server.StartAgain();
        await Poll.Until<bool?>(() => world.Outbox.List().All(d => d.Status == DeliveryStatus.Sent) ? true : null,
            TimeSpan.FromSeconds(60), () => worker.Output);
        await worker.Terminate(TimeSpan.FromSeconds(30));

        Assert.Equal(4, server.Messages().Count);
        Assert.Equal(world.Outbox.List().Select(d => d.MessageId).Order(StringComparer.Ordinal), server.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Unhandled exception", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_after_Delivery_MaxAttempts_and_retry_revives_it()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = SmtpServer.Down(world.File("smtp"));
        var settings = DeliveryWorld.Settings(server.Environment, ("Delivery__MaxAttempts", "2"));
        await world.Burst(settings, "phu-quy");   // attempt 1 of the first delivery
        await world.Cli(settings, "deliveries", "send"); // attempt 2: dead

        var dead = Assert.Single(world.Outbox.List(status: DeliveryStatus.Dead));
        Assert.Equal(2, dead.Attempts);
        Assert.Single(world.Outbox.List(status: DeliveryStatus.Pending));

        await server.StartAgain();
        var (_, listed) = await world.Cli(settings, "deliveries", "list", "--status", "dead");
        Assert.Contains($"{dead.Id}  dead  run {dead.RunId}  phu-quy  email  {dead.Address}  attempts 2", listed, StringComparison.Ordinal);
        await world.Cli(settings, "deliveries", "retry", dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await world.Cli(settings, "deliveries", "send");

        Assert.All(world.Outbox.List(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(2, server.Messages().Count);
    }
}
