using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>The outbox under the faults the issue lists, against aiosmtpd on loopback and real child processes.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class DeliveryFaultTests(DeliveryFixture fixture)
{
    private static readonly Dictionary<string, string> NoSmtp = DeliveryWorld.Settings();
    private static readonly string[] StillSent = ["dan-van.la-gi@example.org", "la-gi@example.org", "phan-thiet@example.org"];

    [Fact]
    public async Task Smtp_server_down_keeps_deliveries_pending_and_once_back_delivers_each_once()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = SmtpServer.Down(world.File("smtp"));
        var settings = DeliveryWorld.Settings(server.Environment);

        var output = await world.Burst(settings, "phan-thiet,phu-quy");
        Assert.Contains("deliveries: 2 committees, 0 sent, 4 pending, 0 failed, 0 dead", output, StringComparison.Ordinal);
        var (code, again) = await world.Cli(settings, "deliveries", "send");
        Assert.True(code == 0, again);
        Assert.Contains("deliveries: 0 sent, 0 failed, 1 to retry, 3 waiting", again, StringComparison.Ordinal);
        Assert.All(world.Outbox.List(), d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.Contains(world.Outbox.List(), d => d.LastError?.Contains("could not talk to the SMTP server", StringComparison.Ordinal) == true);

        await server.StartAgain();
        (code, again) = await world.Cli(settings, "deliveries", "send");
        Assert.True(code == 0, again);
        (code, again) = await world.Cli(settings, "deliveries", "send");
        Assert.Contains("deliveries: 0 sent, 0 failed, 0 to retry, 0 waiting", again, StringComparison.Ordinal);

        Assert.All(world.Outbox.List(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        AssertEachOnce(server.Messages(), world.Outbox.List());
    }

    [Fact]
    public async Task Sender_killed_between_two_sends_and_started_again_sends_the_rest_and_none_twice()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(NoSmtp, "phan-thiet,la-gi,phu-quy");
        Assert.Equal(6, world.Outbox.List(status: DeliveryStatus.Pending).Count);
        using var server = await SmtpServer.Start(world.File("smtp"));

        var slow = DeliveryWorld.Settings(server.Environment, (DeliverySender.DelayBetweenSendsVariable, "10000"));
        using (var sender = WorkerProcess.Start(world.Path, world.Database, slow, "deliveries", "send"))
        {
            // The first message is in the Maildir and recorded as sent: the sender now waits before the second.
            await Poll.Until<bool?>(() => server.Messages().Count == 1 && world.Outbox.List(status: DeliveryStatus.Sent).Count == 1 ? true : null,
                TimeSpan.FromSeconds(60), () => sender.Output);
            await sender.KillHard();
        }

        Assert.Single(server.Messages());
        var (code, output) = await world.Cli(DeliveryWorld.Settings(server.Environment), "deliveries", "send");
        Assert.True(code == 0, output);
        Assert.Contains("deliveries: 5 sent", output, StringComparison.Ordinal);
        AssertEachOnce(server.Messages(), world.Outbox.List());
    }

    [Fact]
    public async Task A_crash_after_the_server_accepted_but_before_sent_was_recorded_resends_under_the_same_message_id()
    {
        // The documented crash window, reproduced: the message went out, the outbox still says pending.
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"));
        var settings = DeliveryWorld.Settings(server.Environment);
        await world.Burst(settings, "phu-quy");
        var first = world.Outbox.List()[0];
        world.Sql("UPDATE deliveries SET status = 'pending', sent_at = NULL WHERE id = @Id", new { first.Id });

        await world.Cli(settings, "deliveries", "send");

        var copies = server.Messages().Where(m => m.EnvelopeRecipient == first.Address).ToList();
        Assert.Equal(2, copies.Count);
        Assert.Equal(first.MessageId, Assert.Single(copies.Select(c => c.MessageId).Distinct()));
        Assert.Equal(1, server.Messages().Count(m => m.EnvelopeRecipient != first.Address));
    }

    [Fact]
    public async Task A_rejected_recipient_fails_with_the_servers_reply_and_the_others_still_go_out()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"), rejectRecipient: "dan-van.phan-thiet@example.org");

        var output = await world.Burst(DeliveryWorld.Settings(server.Environment), "phan-thiet,la-gi", expectedExitCode: 1);

        Assert.Contains("deliveries: 2 committees, 3 sent, 0 pending, 1 failed, 0 dead", output, StringComparison.Ordinal);
        var failed = Assert.Single(world.Outbox.List(status: DeliveryStatus.Failed));
        Assert.Equal("dan-van.phan-thiet@example.org", failed.Address);
        Assert.Contains("550 5.1.1 <dan-van.phan-thiet@example.org>: Recipient address rejected", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(StillSent, server.Messages().Select(m => m.EnvelopeRecipient).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Retry_of_the_failed_deliveries_sends_only_to_the_recipients_whose_delivery_failed()
    {
        using var world = new DeliveryWorld(fixture);
        using (var rejecting = await SmtpServer.Start(world.File("rejecting"), rejectRecipient: "la-gi@example.org"))
        {
            await world.Burst(DeliveryWorld.Settings(rejecting.Environment), "phan-thiet,la-gi", expectedExitCode: 1);
        }

        using var server = await SmtpServer.Start(world.File("smtp"));
        var settings = DeliveryWorld.Settings(server.Environment);
        var (code, output) = await world.Cli(settings, "deliveries", "retry", "--failed");
        Assert.True(code == 0, output);
        Assert.Contains("deliveries: 1 made pending", output, StringComparison.Ordinal);
        await world.Cli(settings, "deliveries", "send");

        Assert.Equal("la-gi@example.org", Assert.Single(server.Messages()).EnvelopeRecipient);
        Assert.All(world.Outbox.List(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_bad_address_fails_that_delivery_and_the_committees_other_recipients_still_get_theirs()
    {
        using var world = new DeliveryWorld(fixture);
        // An address from before validation existed, written straight into the table.
        world.Sql("INSERT INTO committee_recipients (committee_id, address, role) SELECT id, 'not-an-address', 'cc' FROM committees WHERE code = 'la-gi'");
        using var server = await SmtpServer.Start(world.File("smtp"));

        var output = await world.Burst(DeliveryWorld.Settings(server.Environment), "la-gi", expectedExitCode: 1);

        Assert.Contains("deliveries: 1 committees, 2 sent, 0 pending, 1 failed, 0 dead", output, StringComparison.Ordinal);
        var failed = Assert.Single(world.Outbox.List(status: DeliveryStatus.Failed));
        Assert.Contains("\"not-an-address\"", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(2, server.Messages().Count);
    }

    [Fact]
    public async Task A_pdf_over_Smtp_MaxAttachmentBytes_is_not_sent_and_fails_saying_so()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"));

        await world.Burst(DeliveryWorld.Settings(server.Environment, ("Smtp__MaxAttachmentBytes", "1000")), "phu-quy", expectedExitCode: 1);

        Assert.All(world.Outbox.List(), d =>
        {
            Assert.Equal(DeliveryStatus.Failed, d.Status);
            Assert.Contains("over the limit Smtp:MaxAttachmentBytes (1000)", d.LastError, StringComparison.Ordinal);
        });
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task A_message_over_the_servers_size_limit_fails_with_the_servers_reply()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"), sizeLimit: 2000);

        await world.Burst(DeliveryWorld.Settings(server.Environment), "phu-quy", expectedExitCode: 1);

        Assert.All(world.Outbox.List(), d =>
        {
            Assert.Equal(DeliveryStatus.Failed, d.Status);
            Assert.Contains("552", d.LastError, StringComparison.Ordinal);
        });
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task StartTls_against_a_server_without_it_keeps_the_deliveries_pending_and_says_why()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"));

        var output = await world.Burst(DeliveryWorld.Settings(server.Environment, ("Smtp__Security", "StartTls")), "phu-quy");

        Assert.Contains("deliveries: 1 committees, 0 sent, 2 pending", output, StringComparison.Ordinal);
        Assert.Contains("STARTTLS", world.Outbox.List()[0].LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Messages());
    }

    /// <summary>Every delivery's address received exactly one message, under the delivery's Message-ID.</summary>
    private static void AssertEachOnce(IReadOnlyList<ReceivedMessage> messages, IReadOnlyList<DeliveryRecord> deliveries)
    {
        Assert.Equal(deliveries.Select(d => d.Address).Order(StringComparer.Ordinal), messages.Select(m => m.EnvelopeRecipient).Order(StringComparer.Ordinal));
        Assert.Equal(deliveries.Select(d => d.MessageId).Order(StringComparer.Ordinal), messages.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }
}
