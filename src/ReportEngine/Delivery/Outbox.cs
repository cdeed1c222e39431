using System.Data.Common;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>
/// The deliveries table. A delivery is written (pending) before anything is sent; a sender claims it
/// with one guarded UPDATE, so two senders (the worker, a `deliveries send`) never try it at once,
/// and every outcome is one statement, so a killed process leaves each delivery in a state it
/// really reached. A claim is released at the start of a pass only when its sender's heartbeat
/// (delivery_senders) is older than the claim timeout.
/// </summary>
public sealed class Outbox(string connectionString, TimeProvider clock)
{
    private const string Columns = """
        d.id AS Id, d.run_id AS RunId, d.committee_id AS CommitteeId, c.code AS CommitteeCode, d.channel AS Channel,
        d.address AS Address, d.role AS Role, d.message_id AS MessageId, d.subject AS Subject, d.body AS Body,
        d.file_name AS FileName, d.status AS Status, d.attempts AS Attempts, d.last_error AS LastError,
        d.created_at AS CreatedAt, d.next_attempt_at AS NextAttemptAt, d.last_attempt_at AS LastAttemptAt,
        d.sent_at AS SentAt, r.archive_path AS ArchivePath
        FROM deliveries d JOIN committees c ON c.id = d.committee_id JOIN runs r ON r.id = d.run_id
        """;

    /// <summary>Records deliveries as pending and due now; one already recorded (same run, channel, address) is kept as it is.</summary>
    public void Queue(IEnumerable<DeliveryRecord> deliveries)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var now = Now();
        foreach (var d in deliveries)
        {
            connection.Execute(
                """
                INSERT INTO deliveries (run_id, committee_id, channel, address, role, message_id, subject, body, file_name,
                                        status, attempts, created_at, next_attempt_at)
                VALUES (@RunId, @CommitteeId, @Channel, @Address, @Role, @MessageId, @Subject, @Body, @FileName, 'pending', 0, @now, @now)
                ON CONFLICT (run_id, channel, address) DO NOTHING
                """,
                new { d.RunId, d.CommitteeId, d.Channel, d.Address, d.Role, d.MessageId, d.Subject, d.Body, d.FileName, now },
                transaction);
        }

        transaction.Commit();
    }

    /// <summary>Pending deliveries due now and claimed by nobody, oldest first (optionally of some runs only).</summary>
    public IReadOnlyList<DeliveryRecord> Due(IReadOnlyCollection<long>? runIds = null)
    {
        using var connection = Open();
        var due = connection.Query<DeliveryRecord>(
            $"SELECT {Columns} WHERE d.status = 'pending' AND d.claimed_by IS NULL AND d.next_attempt_at <= @now ORDER BY d.id",
            new { now = Now() });
        return runIds is null ? due.AsList() : due.Where(d => runIds.Contains(d.RunId)).ToList();
    }

    /// <summary>
    /// Takes a delivery for this sender; false when another took it, or it is no longer pending and due
    /// (sent, failed, or deferred by another sender since this one listed it): one guarded UPDATE.
    /// On PostgreSQL the row is locked with SKIP LOCKED first: a delivery another sender is claiming at this
    /// moment is skipped at once (it will be that sender's) instead of waited for; the guard, re-checked on
    /// the locked row, still decides. SQLite serialises writers, so its statement needs no lock.
    /// </summary>
    public bool TryClaim(long id, string sender) =>
        Execute(
            StateDatabase.IsPostgres(connectionString)
                ? """
                  UPDATE deliveries SET claimed_by = @sender, claimed_at = @now
                  WHERE id = (SELECT id FROM deliveries
                              WHERE id = @id AND status = 'pending' AND claimed_by IS NULL AND next_attempt_at <= @now
                              FOR UPDATE SKIP LOCKED)
                  """
                : """
                  UPDATE deliveries SET claimed_by = @sender, claimed_at = @now
                  WHERE id = @id AND status = 'pending' AND claimed_by IS NULL AND next_attempt_at <= @now
                  """,
            new { id, sender, now = Now() }) == 1;

    /// <summary>Writes a sender's heartbeat (its row is made at its first beat).</summary>
    public void Beat(string sender)
    {
        var now = Now();
        Execute(
            """
            INSERT INTO delivery_senders (id, host, process_id, started_at, heartbeat_at) VALUES (@sender, @host, @pid, @now, @now)
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """,
            new { sender, host = Environment.MachineName, pid = Environment.ProcessId, now });
    }

    /// <summary>
    /// Gives back the claims of senders whose heartbeat is older than the timeout (a claim by a sender that
    /// never wrote one, as before 0006, by its own age); returns how many. A sender whose heartbeat is fresh
    /// keeps its claims however long its send takes, on this machine or another. One UPDATE, so a sender
    /// that beats meanwhile is judged on its newest heartbeat.
    /// </summary>
    public int ReleaseAbandonedClaims(TimeSpan claimTimeout)
    {
        using var connection = Open();
        var expired = RunStore.Timestamp(clock.GetUtcNow() - claimTimeout);
        var released = connection.Execute(
            """
            UPDATE deliveries SET claimed_by = NULL, claimed_at = NULL
            WHERE claimed_by IS NOT NULL
              AND COALESCE((SELECT s.heartbeat_at FROM delivery_senders s WHERE s.id = deliveries.claimed_by), claimed_at) < @expired
            """,
            new { expired });

        // Senders gone for a day and holding nothing are forgotten.
        connection.Execute(
            "DELETE FROM delivery_senders WHERE heartbeat_at < @forgotten AND id NOT IN (SELECT claimed_by FROM deliveries WHERE claimed_by IS NOT NULL)",
            new { forgotten = RunStore.Timestamp(clock.GetUtcNow() - TimeSpan.FromDays(1) - claimTimeout) });
        return released;
    }

    /// <summary>Sent is a fact once the server accepted the message, so it is recorded even if the claim was taken over meanwhile.</summary>
    public void MarkSent(long id) =>
        Execute(
            """
            UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = @now, last_attempt_at = @now,
                                  last_error = NULL, claimed_by = NULL, claimed_at = NULL
            WHERE id = @id AND status <> 'sent'
            """,
            new { id, now = Now() });

    /// <summary>A refusal that retrying cannot change (5xx reply, bad address, too large): status failed, with the reason.</summary>
    public void MarkFailed(long id, string sender, string error) =>
        Execute(
            """
            UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_attempt_at = @now, last_error = @error,
                                  claimed_by = NULL, claimed_at = NULL
            WHERE id = @id AND claimed_by = @sender
            """,
            new { id, sender, error, now = Now() });

    /// <summary>A failure worth retrying: due again after the back-off, or dead once the attempts are used up.</summary>
    public void RecordTransientFailure(long id, string sender, string error, int maxAttempts, Func<long, TimeSpan> backOff)
    {
        using var connection = Open();
        var attempts = connection.ExecuteScalar<long>("SELECT attempts FROM deliveries WHERE id = @id", new { id }) + 1;
        connection.Execute(
            """
            UPDATE deliveries SET status = CASE WHEN @attempts >= @maxAttempts THEN 'dead' ELSE 'pending' END,
                                  attempts = @attempts, last_attempt_at = @now, next_attempt_at = @next, last_error = @error,
                                  claimed_by = NULL, claimed_at = NULL
            WHERE id = @id AND claimed_by = @sender
            """,
            new { id, sender, error, attempts, maxAttempts, now = Now(), next = RunStore.Timestamp(clock.GetUtcNow() + backOff(attempts)) });
    }

    /// <summary>
    /// Gives a claim back with the reason it was not tried (a setting or the server's configuration is wrong):
    /// still pending and due, its attempts unchanged, so fixing the setting is all it takes.
    /// </summary>
    public void KeepPending(long id, string sender, string error) =>
        Execute(
            "UPDATE deliveries SET last_error = @error, claimed_by = NULL, claimed_at = NULL WHERE id = @id AND claimed_by = @sender AND status = 'pending'",
            new { id, sender, error });

    /// <summary>Gives a claim back untried (the pass stopped before reaching it).</summary>
    public void Release(long id, string sender) =>
        Execute("UPDATE deliveries SET claimed_by = NULL, claimed_at = NULL WHERE id = @id AND claimed_by = @sender", new { id, sender });

    /// <summary>Makes failed or dead deliveries pending and due now, with a fresh count of attempts; returns how many.</summary>
    public int Retry(long? id)
    {
        var now = Now();
        return id is { } one
            ? Execute(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now WHERE id = @one AND status IN ('failed', 'dead', 'pending')",
                new { one, now })
            : Execute("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now WHERE status IN ('failed', 'dead')", new { now });
    }

    /// <summary>Makes a run's failed or dead deliveries pending and due now, with a fresh count of attempts; returns how many.</summary>
    public int RetryFailedOfRun(long runId) =>
        Execute(
            "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now WHERE run_id = @runId AND status IN ('failed', 'dead')",
            new { runId, now = Now() });

    public DeliveryRecord? Find(long id)
    {
        using var connection = Open();
        return connection.QuerySingleOrDefault<DeliveryRecord>($"SELECT {Columns} WHERE d.id = @id", new { id });
    }

    public IReadOnlyList<DeliveryRecord> List(long? runId = null, string? status = null, IReadOnlyCollection<long>? runIds = null)
    {
        using var connection = Open();
        var rows = connection.Query<DeliveryRecord>(
            $"SELECT {Columns} WHERE (@runId IS NULL OR d.run_id = @runId) AND (@status IS NULL OR d.status = @status) ORDER BY d.id",
            new { runId, status });
        return runIds is null ? rows.AsList() : rows.Where(d => runIds.Contains(d.RunId)).ToList();
    }

    private string Now() => RunStore.Timestamp(clock.GetUtcNow());

    private int Execute(string sql, object parameters)
    {
        using var connection = Open();
        return connection.Execute(sql, parameters);
    }

    private DbConnection Open() => StateDatabase.Open(connectionString);
}
