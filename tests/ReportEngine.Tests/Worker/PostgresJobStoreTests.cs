using Dapper;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>ConnectionStrings:Scheduler naming a PostgreSQL server moves the Quartz job store there.</summary>
[Collection(WorkerGroup.Name)]
public sealed class PostgresJobStoreTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task With_a_PostgreSQL_scheduler_connection_the_job_store_lives_there_and_schedules_fire()
    {
        Assert.True(PostgresCluster.IsAvailable, "PostgreSQL 15 binaries are needed (tests/run installs them)");
        using var postgres = new PostgresCluster();
        postgres.CreateDatabase("quartz");
        var due = WorkerFolder.SecondsAhead(8);
        _folder.WriteSchedules($"""
            schedules:
              - id: on-postgres
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: la-gi {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);
        using var worker = _folder.StartWorker(new Dictionary<string, string> { ["ConnectionStrings__Scheduler"] = postgres.ConnectionString("quartz") });

        var run = await Poll.Until(() => _folder.RunsOf("on-postgres").FirstOrDefault(r => r.IsFinished), TimeSpan.FromSeconds(40), () => worker.Output);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString("quartz")))
        {
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = 'on-postgres'") == 1);
        }

        using var sqlite = SqliteDatabase.Open(_folder.Database, readOnly: true);
        Assert.Equal(0, sqlite.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'QRTZ%'"));
    }

    public void Dispose() => _folder.Dispose();
}
