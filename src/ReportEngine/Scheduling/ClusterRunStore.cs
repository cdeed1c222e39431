using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// The statements by which several workers agree on who does a run: each is guarded by a unique key
/// (0014's indexes, bursts' (schedule_id, scheduled_for), burst_runs' (burst_id, committee_id)), so when two
/// workers race, the one that commits first wins and the other's INSERT fails and records nothing. Valid on
/// SQLite and PostgreSQL alike.
/// </summary>
internal sealed class ClusterRunStore(string connectionString, TimeProvider clock)
{
    /// <summary>The burst of a schedule's firing: made by the first worker to get there, found by every other.</summary>
    public long BurstFor(string template, string parameters, string committees, string requestedBy, string scheduleId, string scheduledFor)
    {
        using var connection = StateDatabase.Open(connectionString);
        connection.Execute(
            """
            INSERT INTO bursts (template, parameters, committees, requested_by, schedule_id, scheduled_for, created_at)
            VALUES (@template, @parameters, @committees, @requestedBy, @scheduleId, @scheduledFor, @now)
            ON CONFLICT (schedule_id, scheduled_for) DO NOTHING
            """,
            new { template, parameters, committees, requestedBy, scheduleId, scheduledFor, now = StoredTime.Format(clock.GetUtcNow()) });
        return connection.ExecuteScalar<long>(
            "SELECT id FROM bursts WHERE schedule_id = @scheduleId AND scheduled_for = @scheduledFor", new { scheduleId, scheduledFor });
    }

    /// <summary>
    /// Queues a run unless another worker queued the same one first (the same firing's first run, or a recovery of
    /// the same interrupted run): then null, and nothing is recorded.
    /// </summary>
    public long? QueueOnce(RunRecord run)
    {
        using var connection = StateDatabase.Open(connectionString);
        try
        {
            return RunStore.Queue(run, connection, null);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Queues a committee's run and points the burst at it, in one transaction: the first run of the committee
    /// (<paramref name="replacing"/> null: burst_runs' key refuses a second), or the recovery of the run it
    /// replaces (0014's index refuses a second recovery, and the burst must still point at the replaced run).
    /// The queued run names this process as its executor, so other workers wait for it while this one lives.
    /// Null when another worker won: nothing is recorded.
    /// </summary>
    public long? QueueCommitteeRun(long burstId, long committeeId, RunRecord run, long? replacing)
    {
        using var connection = StateDatabase.Open(connectionString);
        using var transaction = connection.BeginTransaction();
        try
        {
            var id = RunStore.Queue(run, connection, transaction);
            connection.Execute("UPDATE runs SET executed_by = @executedBy WHERE id = @id", new { id, executedBy = ProcessName.Current }, transaction);
            var pointed = replacing is { } earlier
                ? connection.Execute(
                    "UPDATE burst_runs SET run_id = @id WHERE burst_id = @burstId AND committee_id = @committeeId AND run_id = @earlier",
                    new { id, burstId, committeeId, earlier }, transaction)
                : connection.Execute(
                    "INSERT INTO burst_runs (burst_id, committee_id, run_id) VALUES (@burstId, @committeeId, @id)",
                    new { id, burstId, committeeId }, transaction);
            if (pointed != 1)
            {
                transaction.Rollback();
                return null;
            }

            transaction.Commit();
            return id;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            transaction.Rollback();
            return null;
        }
    }

    /// <summary>
    /// Records a committee's failed first run (its report could not be prepared) and points the burst at it, in one
    /// transaction. Null when the committee has a run already: burst_runs' key refuses a second.
    /// </summary>
    public long? RecordUnprepared(long burstId, UnpreparedCommittee committee)
    {
        using var connection = StateDatabase.Open(connectionString);
        using var transaction = connection.BeginTransaction();
        try
        {
            var id = RunStore.Queue(committee.Run, connection, transaction);
            connection.Execute(
                "UPDATE runs SET status = 'failed', finished_at = @now, error = @error, executed_by = @executedBy WHERE id = @id",
                new { id, now = RunStore.Timestamp(clock.GetUtcNow()), error = committee.Error, executedBy = ProcessName.Current }, transaction);
            connection.Execute(
                "INSERT INTO burst_runs (burst_id, committee_id, run_id) VALUES (@burstId, @committeeId, @id)",
                new { id, burstId, committeeId = committee.CommitteeId }, transaction);
            transaction.Commit();
            return id;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            transaction.Rollback();
            return null;
        }
    }

    /// <summary>The committees of a burst whose run has finished (succeeded or failed): nothing left to render for them.</summary>
    public IReadOnlySet<long> FinishedCommittees(long burstId)
    {
        using var connection = StateDatabase.Open(connectionString);
        return connection.Query<long>(
            """
            SELECT br.committee_id FROM burst_runs br JOIN runs r ON r.id = br.run_id
            WHERE br.burst_id = @burstId AND r.status IN ('succeeded', 'failed')
            """,
            new { burstId }).ToHashSet();
    }

    /// <summary>
    /// The runs of a burst's committees that are not finished and not this process's: a dead worker's among them, maybe.
    /// Interrupted ones too: the sweep marks a dead worker's run interrupted within a poll, and a committee's current run
    /// that is interrupted has not been redone yet (its redo would have replaced it in burst_runs).
    /// </summary>
    public IReadOnlyList<(long CommitteeId, RunRecord Run)> UnfinishedOfOthers(long burstId)
    {
        using var connection = StateDatabase.Open(connectionString);
        return connection.Query<long, RunRecord, (long, RunRecord)>(
            $"""
            SELECT br.committee_id AS CommitteeId, {RunStore.Columns}
            FROM burst_runs br JOIN runs ON runs.id = br.run_id
            WHERE br.burst_id = @burstId AND runs.status IN ('queued', 'running', 'interrupted') AND runs.executed_by <> @me
            """,
            (committee, run) => (committee, run), new { burstId, me = ProcessName.Current }, splitOn: "Id").AsList();
    }

    /// <summary>Whether the run is a committee's run of some burst (its burst's committee job looks after it).</summary>
    public bool InBurst(long runId)
    {
        using var connection = StateDatabase.Open(connectionString);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM burst_runs WHERE run_id = @runId", new { runId }) > 0;
    }

    /// <summary>
    /// Recovery runs of on-demand runs (no schedule, no burst) queued before the given time and still waiting: queued by
    /// a sweep whose worker may have died before handing them to the scheduler.
    /// </summary>
    public IReadOnlyList<long> WaitingRecoveries(DateTimeOffset queuedBefore)
    {
        using var connection = StateDatabase.Open(connectionString);
        return connection.Query<long>(
            """
            SELECT r.id FROM runs r
            WHERE r.status = 'queued' AND r.trigger = 'recovery' AND r.schedule_id IS NULL AND r.queued_at < @before
              AND NOT EXISTS (SELECT 1 FROM burst_runs br WHERE br.run_id = r.id)
            ORDER BY r.id
            """,
            new { before = StoredTime.Format(queuedBefore) }).AsList();
    }

    private static bool IsUniqueViolation(DbException e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT: here, one of the unique keys
        _ => false,
    };
}
