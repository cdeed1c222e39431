using System.Data.Common;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>The bursts and burst_runs tables: which runs a burst made for which committees, and its stored delivery summary.</summary>
public sealed class BurstStore(string connectionString, TimeProvider clock)
{
    public long Create(string template, string parameters, string committees, string requestedBy, string? scheduleId = null, string? scheduledFor = null)
    {
        using var connection = Open();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO bursts (template, parameters, committees, requested_by, schedule_id, scheduled_for, created_at)
            VALUES (@template, @parameters, @committees, @requestedBy, @scheduleId, @scheduledFor, @now) RETURNING id
            """,
            new { template, parameters, committees, requestedBy, scheduleId, scheduledFor, now = RunStore.Timestamp(clock.GetUtcNow()) });
    }

    /// <summary>The burst a schedule's firing started, if any.</summary>
    public long? FindFor(string scheduleId, string scheduledFor)
    {
        using var connection = Open();
        return connection.ExecuteScalar<long?>(
            "SELECT id FROM bursts WHERE schedule_id = @scheduleId AND scheduled_for = @scheduledFor", new { scheduleId, scheduledFor });
    }

    /// <summary>The run a burst holds for a committee (the latest, when one was redone).</summary>
    public long? RunOf(long burstId, long committeeId)
    {
        using var connection = Open();
        return connection.ExecuteScalar<long?>(
            "SELECT run_id FROM burst_runs WHERE burst_id = @burstId AND committee_id = @committeeId", new { burstId, committeeId });
    }

    /// <summary>Points a burst's committee at its run, replacing an interrupted one that was redone.</summary>
    public void SetRun(long burstId, long committeeId, long runId)
    {
        using var connection = Open();
        connection.Execute(
            """
            INSERT INTO burst_runs (burst_id, committee_id, run_id) VALUES (@burstId, @committeeId, @runId)
            ON CONFLICT (burst_id, committee_id) DO UPDATE SET run_id = excluded.run_id
            """,
            new { burstId, committeeId, runId });
    }

    public void AddRun(long burstId, long committeeId, long runId)
    {
        using var connection = Open();
        connection.Execute("INSERT INTO burst_runs (burst_id, committee_id, run_id) VALUES (@burstId, @committeeId, @runId)",
            new { burstId, committeeId, runId });
    }

    public IReadOnlyList<long> Runs(long burstId)
    {
        using var connection = Open();
        return connection.Query<long>("SELECT run_id FROM burst_runs WHERE burst_id = @burstId ORDER BY run_id", new { burstId }).AsList();
    }

    /// <summary>Counts the burst's deliveries as they stand now and stores the counts on the burst.</summary>
    public DeliverySummary Summarize(long burstId)
    {
        using var connection = Open();
        var summary = connection.QuerySingle<DeliverySummary>(
            """
            SELECT (SELECT COUNT(*) FROM burst_runs WHERE burst_id = @burstId) AS Committees,
                   COALESCE(SUM(CASE WHEN d.status = 'sent' THEN 1 ELSE 0 END), 0) AS Sent,
                   COALESCE(SUM(CASE WHEN d.status = 'pending' THEN 1 ELSE 0 END), 0) AS Pending,
                   COALESCE(SUM(CASE WHEN d.status = 'failed' THEN 1 ELSE 0 END), 0) AS Failed,
                   COALESCE(SUM(CASE WHEN d.status = 'dead' THEN 1 ELSE 0 END), 0) AS Dead
            FROM burst_runs b JOIN deliveries d ON d.run_id = b.run_id
            WHERE b.burst_id = @burstId
            """,
            new { burstId });
        connection.Execute(
            """
            UPDATE bursts SET committee_count = @Committees, sent = @Sent, pending = @Pending, failed = @Failed, dead = @Dead,
                              summarized_at = @now
            WHERE id = @burstId
            """,
            new { summary.Committees, summary.Sent, summary.Pending, summary.Failed, summary.Dead, burstId, now = RunStore.Timestamp(clock.GetUtcNow()) });
        return summary;
    }

    /// <summary>Re-counts every burst that has one of these runs (after a sender's pass).</summary>
    public void SummarizeFor(IEnumerable<long> runIds)
    {
        using var connection = Open();
        var bursts = runIds.Distinct()
            .SelectMany(runId => connection.Query<long>("SELECT burst_id FROM burst_runs WHERE run_id = @runId", new { runId }))
            .Distinct().ToList();
        connection.Dispose();
        foreach (var burst in bursts)
        {
            Summarize(burst);
        }
    }

    private DbConnection Open() => StateDatabase.Open(connectionString);
}
