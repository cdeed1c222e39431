using Dapper;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Delivery;

/// <summary>Retrying deliveries: one by id, a run's failed ones, as the console and `deliveries retry` do it.</summary>
[Collection(WorkerGroup.Name)]
public sealed class DeliveryRetriesTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task The_failed_deliveries_of_one_run_are_made_pending_and_no_others()
    {
        var (first, second) = (Run(), Run());
        var failed = Delivery(first, "failed");
        var dead = Delivery(first, "dead");
        var sent = Delivery(first, "sent");
        var otherRun = Delivery(second, "failed");

        var cli = await CliProcess.Run(_folder.Path, "deliveries", "retry", "--run", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", _folder.Database);

        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Equal("deliveries: 2 made pending", cli.Output.Trim());
        var outbox = new Outbox(_folder.Database, TimeProvider.System);
        Assert.Equal(["pending", "pending", "sent", "failed"], new[] { failed, dead, sent, otherRun }.Select(id => outbox.Find(id)!.Status));
        var retries = new DeliveryRetries(_folder.Database, TimeProvider.System);
        Assert.Equal((1, 0), (retries.RetryOne(otherRun), retries.RetryOne(sent)));
        Assert.Equal("There is no delivery 999.", Assert.Throws<ReportEngineException>(() => retries.RetryOne(999)).Message);
        Assert.Equal("There is no run 999.", Assert.Throws<ReportEngineException>(() => retries.RetryFailedOfRun(999)).Message);
    }

    private long Run() => _folder.Runs.Queue(new RunRecord
    {
        Template = "annual-assessment",
        Language = "vi",
        Parameters = "{}",
        Trigger = RunTrigger.Console,
        RequestedBy = "lan",
        Status = RunStatus.Queued,
        QueuedAt = RunStore.Timestamp(DateTimeOffset.UtcNow),
    });

    private long Delivery(long runId, string status)
    {
        using var connection = SqliteDatabase.Open(_folder.Database);
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO deliveries (run_id, committee_id, channel, address, message_id, subject, body, file_name, status, attempts, created_at, next_attempt_at)
            VALUES (@runId, (SELECT MIN(id) FROM committees), 'email', @address, @address, 's', 'b', 'f.pdf', @status, 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
            RETURNING id
            """,
            new { runId, status, address = $"{status}-{runId}@example.org" });
    }

    public void Dispose() => _folder.Dispose();
}
