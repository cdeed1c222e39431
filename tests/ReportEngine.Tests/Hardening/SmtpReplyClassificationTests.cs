using ReportEngine.Delivery;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// Point 9 of issue 11: a refusal of our login or our sender (5xx to AUTH or MAIL FROM, any 5.7.x) is a
/// configuration problem: the pass stops and every delivery stays pending, attempts unchanged; only a 5xx
/// about one recipient fails that delivery; 4xx stays transient. `deliveries send` and bursts exit 1 when a
/// delivery failed or e-mail stopped. No login over plain text unless Smtp:AllowPlaintextLogin; no password
/// in appsettings.json.
/// </summary>
[Collection(DeliveryGroup.Name)]
public sealed class SmtpReplyClassificationTests(DeliveryFixture fixture)
{
    [Theory]
    [InlineData("553 5.7.1 <reports@example.org>: Sender address rejected: not owned by user")]
    [InlineData("550 5.1.8 Sender address domain does not exist")]
    public async Task A_5xx_reply_to_MAIL_FROM_stops_the_pass_and_keeps_every_delivery_pending(string reply)
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"), script: new SmtpScript { Mail = reply });

        var output = await world.Burst(DeliveryWorld.Settings(server.Environment), "phan-thiet,phu-quy", expectedExitCode: 1);

        Assert.Contains("deliveries: 2 committees, 0 sent, 4 pending, 0 failed, 0 dead", output, StringComparison.Ordinal);
        Assert.Contains("error: e-mail stopped, every e-mail delivery stays pending: The server refused the sender: " + reply, output, StringComparison.Ordinal);
        Assert.All(world.Outbox.List(), d => Assert.Equal((DeliveryStatus.Pending, 0L), (d.Status, d.Attempts)));
        Assert.Equal(1, world.Outbox.List().Count(d => d.LastError?.Contains(reply, StringComparison.Ordinal) == true)); // tried once, then the pass stopped
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task A_5xx_reply_to_AUTH_stops_the_pass_and_keeps_every_delivery_pending()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"), script: new SmtpScript { Auth = "535 5.7.8 Authentication credentials invalid" });
        var settings = DeliveryWorld.Settings(server.Environment,
            ("Smtp__UserName", "reports"), ("Smtp__Password", "wrong"), ("Smtp__AllowPlaintextLogin", "true"), ("Delivery__MaxAttempts", "1"));

        await world.Burst(DeliveryWorld.Settings(), "phu-quy");
        var (code, output) = await world.Cli(settings, "deliveries", "send");

        Assert.True(code == 1, output);
        Assert.Contains("refused the login of reports: 535", output, StringComparison.Ordinal);
        // MaxAttempts 1: had the refusal counted as an attempt, the deliveries would now be dead.
        Assert.All(world.Outbox.List(), d => Assert.Equal((DeliveryStatus.Pending, 0L), (d.Status, d.Attempts)));
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task A_5_7_reply_to_a_recipient_is_a_configuration_problem_not_a_failed_delivery()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy");
        var first = world.Outbox.List()[0];
        var script = new SmtpScript { Rcpt = { [first.Address.ToLowerInvariant()] = "554 5.7.1 <" + first.Address + ">: Relay access denied" } };
        using var server = await SmtpServer.Start(world.File("smtp"), script: script);

        var (code, output) = await world.Cli(DeliveryWorld.Settings(server.Environment), "deliveries", "send");

        Assert.True(code == 1, output);
        Assert.Contains("deliveries: 0 sent, 0 failed, 0 to retry, 2 waiting", output, StringComparison.Ordinal);
        Assert.All(world.Outbox.List(), d => Assert.Equal((DeliveryStatus.Pending, 0L), (d.Status, d.Attempts)));
        Assert.Empty(server.Messages());
    }

    [Fact]
    public async Task Only_a_recipients_5xx_fails_its_delivery_a_4xx_is_retried_and_send_and_burst_exit_1()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phan-thiet,la-gi");    // four e-mails
        var addresses = world.Outbox.List().Select(d => d.Address).ToList();
        var script = new SmtpScript
        {
            Rcpt =
            {
                [addresses[0].ToLowerInvariant()] = $"550 5.1.1 <{addresses[0]}>: Recipient address rejected: mailbox unavailable",
                [addresses[1].ToLowerInvariant()] = $"450 4.2.1 <{addresses[1]}>: Mailbox busy, try again later",
            },
        };
        using var server = await SmtpServer.Start(world.File("smtp"), script: script);
        var settings = DeliveryWorld.Settings(server.Environment, ("Delivery__FirstRetryDelay", "01:00:00"));

        var (code, output) = await world.Cli(settings, "deliveries", "send");

        Assert.True(code == 1, output);
        Assert.Contains("deliveries: 2 sent, 1 failed, 1 to retry, 0 waiting", output, StringComparison.Ordinal);
        var byAddress = world.Outbox.List().ToDictionary(d => d.Address);
        Assert.Equal((DeliveryStatus.Failed, 1L), (byAddress[addresses[0]].Status, byAddress[addresses[0]].Attempts));
        Assert.Equal((DeliveryStatus.Pending, 1L), (byAddress[addresses[1]].Status, byAddress[addresses[1]].Attempts));
        Assert.Equal(addresses.Skip(2).Order(StringComparer.Ordinal), server.Messages().Select(m => m.EnvelopeRecipient).Order(StringComparer.Ordinal));

        // A burst whose delivery fails exits 1 too, though every run succeeded.
        using var more = new DeliveryWorld(fixture);
        var burst = await more.Burst(DeliveryWorld.Settings(server.Environment), "phan-thiet,la-gi", expectedExitCode: 1);
        Assert.Contains("1 failed", burst, StringComparison.Ordinal);
        Assert.Contains("succeeded", burst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_over_an_unencrypted_connection_is_refused_unless_Smtp_AllowPlaintextLogin()
    {
        using var world = new DeliveryWorld(fixture);
        await world.Burst(DeliveryWorld.Settings(), "phu-quy");
        using var server = await SmtpServer.Start(world.File("smtp"), script: new SmtpScript { Auth = "235 2.7.0 Authentication successful" });
        var login = DeliveryWorld.Settings(server.Environment, ("Smtp__UserName", "reports"), ("Smtp__Password", "s3cret"));

        var (code, output) = await world.Cli(login, "deliveries", "send");

        Assert.True(code == 1, output);
        Assert.Contains("error: The setting Smtp:UserName asks to log in, but Smtp:Security is None", output, StringComparison.Ordinal);
        Assert.Contains("Smtp:AllowPlaintextLogin", output, StringComparison.Ordinal);
        Assert.Empty(server.Messages());
        Assert.All(world.Outbox.List(), d => Assert.Equal((DeliveryStatus.Pending, 0L), (d.Status, d.Attempts)));

        (code, output) = await world.Cli(DeliveryWorld.Settings(login, ("Smtp__AllowPlaintextLogin", "true")), "deliveries", "send");

        Assert.True(code == 0, output);
        Assert.Equal(2, server.Messages().Count);
    }

    [Fact]
    public async Task A_password_in_appsettings_json_is_refused_at_start_naming_the_file_and_the_way_to_give_it()
    {
        using var world = new DeliveryWorld(fixture);
        Directory.CreateDirectory(world.File("config"));
        var file = world.File(Path.Combine("config", "appsettings.json"));
        File.WriteAllText(file, """{ "Smtp": { "UserName": "reports", "Password": "hunter2" } }""");

        foreach (var verb in new[] { new[] { "deliveries", "send" }, ["serve"] })
        {
            var (code, output) = await world.Cli(DeliveryWorld.Settings(), verb);

            Assert.True(code == 1, $"{string.Join(' ', verb)} exited with {code}:\n{output}");
            Assert.Contains($"error: The setting Smtp:Password is in {file}: a password must not be kept in a settings file", output, StringComparison.Ordinal);
            Assert.Contains("Smtp__Password", output, StringComparison.Ordinal);
            Assert.Contains("Smtp:PasswordFile", output, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        }
    }
}
