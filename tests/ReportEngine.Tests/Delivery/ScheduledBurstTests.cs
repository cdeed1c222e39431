using Dapper;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Delivery;

/// <summary>A schedule that targets committees: the worker renders one report per committee and delivers each.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class ScheduledBurstTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_schedule_with_committees_renders_one_report_per_committee_in_its_language_and_delivers_each_once()
    {
        using var world = new DeliveryWorld(fixture);
        using var server = await SmtpServer.Start(world.File("smtp"));
        // Far enough ahead for a worker started on a loaded machine: a cron time already past never fires.
        var due = WorkerFolder.SecondsAhead(20);
        Directory.CreateDirectory(world.File("config"));
        File.WriteAllText(world.File("config/schedules.yaml"), $"""
            schedules:
              - id: districts
                template: annual-assessment
                parameters: {"{"} year: "2024" {"}"}
                committees: phan-thiet,phu-quy
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        var settings = DeliveryWorld.Settings(server.Environment, ("Delivery__PollInterval", "00:00:00.200"));

        using var worker = WorkerProcess.Start(world.Path, world.Database, settings);
        await Poll.Until<bool?>(() => server.Messages().Count == 4 && world.Outbox.List().All(d => d.Status == DeliveryStatus.Sent) ? true : null,
            TimeSpan.FromSeconds(90), () => worker.Output);
        await worker.Terminate(TimeSpan.FromSeconds(30));

        var runs = new RunStore(world.Database, TimeProvider.System).List(10).OrderBy(r => r.Id).ToList();
        Assert.Equal(["phan-thiet:vi", "phu-quy:en"], runs.Select(r => $"{RunParameters.Parse(r.Parameters)["locality"]}:{r.Language}"));
        Assert.All(runs, r => Assert.Equal((RunStatus.Succeeded, RunTrigger.Schedule, "schedule:districts"), (r.Status, r.Trigger, r.RequestedBy)));
        Assert.Equal(world.Outbox.List().Select(d => d.MessageId).Order(StringComparer.Ordinal), server.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
        using var connection = SqliteDatabase.Open(world.Database, readOnly: true);
        Assert.Equal(("districts", RunStore.Timestamp(due), 2L, 4L),
            connection.QuerySingle<(string, string, long, long)>("SELECT schedule_id, scheduled_for, committee_count, sent FROM bursts"));
    }
}
