using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Postgres;

/// <summary>
/// One `serve` whose ConnectionStrings:Reports names a PostgreSQL copy of the demo: its run records, worker
/// heartbeat and (clustered) Quartz tables all live there, nothing in a SQLite file; the CLI reads them back.
/// </summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class PostgresServeTests(PostgresDemo demo) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_worker_on_PostgreSQL_runs_a_scheduled_report_records_it_there_and_the_cli_lists_it()
    {
        var database = demo.NewDatabase();
        Directory.CreateDirectory(_folder.File("config"));
        // Far enough ahead for a worker started on a loaded machine: a cron time already past never fires.
        var due = WorkerFolder.SecondsAhead(20);
        File.WriteAllText(_folder.File("config/schedules.yaml"), $"""
            schedules:
              - id: on-postgres
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: la-gi {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        var environment = PostgresDemo.Environment(database);
        environment["Worker__ClusterCheckinInterval"] = "00:00:01";
        environment["Worker__ClusterCheckinMisfireThreshold"] = "00:00:02";
        using var worker = WorkerProcess.Start(_folder.Path, database, environment);

        var run = await Poll.Until(
            () => Runs(database).FirstOrDefault(r => r.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Interrupted),
            TimeSpan.FromSeconds(90), () => worker.Output);

        Assert.True(run.Status == RunStatus.Succeeded, $"{run.Status}: {run.Error}\n{worker.Output}");
        Assert.Equal(("on-postgres", RunStore.Timestamp(due), WorkerName(worker.Id)), (run.ScheduleId, run.ScheduledFor, run.ExecutedBy));
        var pdf = Path.Combine(_folder.Path, "archive", run.ArchivePath!);
        Assert.Equal(run.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdf))));
        Assert.Contains("PostgreSQL: this worker joins the cluster of workers serving PostgreSQL 127.0.0.1:", worker.Output, StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(database))
        {
            // Quartz's clustered store: this worker checks in under a generated instance id.
            var instance = await connection.ExecuteScalarAsync<string>("SELECT instance_name FROM qrtz_scheduler_state");
            Assert.StartsWith(Environment.MachineName, instance, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = 'on-postgres'"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workers WHERE name = @name", new { name = WorkerName(worker.Id) }));
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM runs"));
        }

        Assert.Empty(Directory.GetFiles(_folder.Path, "*.db", SearchOption.AllDirectories));

        var listed = await CliRun.Invoke("runs", "list", "--db", database);
        Assert.True(listed.ExitCode == 0, listed.Error);
        var line = Assert.Single(listed.OutputLines, l => l.StartsWith(run.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(RunStatus.Succeeded, line, StringComparison.Ordinal);
        var deliveries = await CliRun.Invoke("deliveries", "list", "--db", database);
        Assert.True(deliveries.ExitCode == 0, deliveries.Error);
    }

    private static string WorkerName(int processId) => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{processId}");

    private static IReadOnlyList<RunRecord> Runs(string database) => new RunStore(database, TimeProvider.System).List(100);

    public void Dispose() => _folder.Dispose();
}
