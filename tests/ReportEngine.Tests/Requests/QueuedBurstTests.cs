using Dapper;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Requests;

/// <summary>A burst queued from the console: the serving worker renders each committee's report, then delivers them.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class QueuedBurstTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_queued_burst_is_rendered_per_committee_by_the_serving_worker_and_delivered()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"));
        var requests = new RunRequests(new ReportEngineSettings(world.Database, RepositoryPaths.Templates), TimeProvider.System);
        var request = new RunRequest("annual-assessment", new Dictionary<string, string> { ["year"] = "2024" }, Committees: "phan-thiet,phu-quy");

        var queued = requests.Queue(request, RunTrigger.Console, "lan", "burst-1");
        var again = requests.Queue(request, RunTrigger.Console, "lan", "burst-1");
        using var worker = WorkerProcess.Start(world.Path, world.Database,
            DeliveryWorld.Settings(server.Environment, ("Delivery__PollInterval", "00:00:05"), ("Templates__Path", RepositoryPaths.Templates)));
        await Poll.Until<bool?>(() => server.Messages().Count == 4 && world.Outbox.List().All(d => d.Status == DeliveryStatus.Sent) ? true : null,
            TimeSpan.FromSeconds(90), () => worker.Output);

        Assert.Equal((queued.BurstId, true), (again.BurstId, again.Repeated));
        var runs = new RunStore(world.Database, TimeProvider.System).List(10).OrderBy(r => r.Id).ToList();
        Assert.Equal(["phan-thiet:vi", "phu-quy:en"], runs.Select(r => $"{RunParameters.Parse(r.Parameters)["locality"]}:{r.Language}"));
        Assert.All(runs, r => Assert.Equal((RunStatus.Succeeded, RunTrigger.Console, "lan"), (r.Status, r.Trigger, r.RequestedBy)));
        await Poll.Until(() => new QueuedBurstStore(world.Database, TimeProvider.System).Find(queued.BurstId!.Value) is { Status: "finished" } b ? b : null,
            TimeSpan.FromSeconds(30), () => worker.Output);
        using var connection = SqliteDatabase.Open(world.Database, readOnly: true);
        Assert.Equal((2L, 4L), connection.QuerySingle<(long, long)>("SELECT committee_count, sent FROM bursts WHERE id = @id", new { id = queued.BurstId }));
    }
}
