using System.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Requests;

/// <summary>
/// The idempotency_keys table: (requester, key) → the run or burst its first request queued, and that
/// request's fingerprint. The key row and the run it names are written in one transaction, so a key is
/// never recorded without its run nor a run queued twice for one key.
/// </summary>
internal sealed class IdempotencyKeys(string connectionString, TimeProvider clock)
{
    /// <summary>SHA-256 of the request's canonical JSON (parameters in name order): equal requests, equal fingerprints.</summary>
    public static string Fingerprint(RunRequest request)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            template = request.Template,
            language = request.Language,
            committees = request.Committees,
            parameters = RunParameters.Format(request.Parameters),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>What the key queued before, or null when it is new; a different request under the key is refused.</summary>
    public QueuedRequest? Find(string requestedBy, string key, string fingerprint)
    {
        using var connection = StateDatabase.Open(connectionString);
        return Find(connection, null, requestedBy, key, fingerprint);
    }

    /// <summary>
    /// Queues through <paramref name="queue"/> and records the key with it, in one write transaction; when the
    /// same key was recorded meanwhile (two retries at once), answers with that one and queues nothing.
    /// </summary>
    public QueuedRequest Record(string requestedBy, string? key, string fingerprint, Func<IDbConnection, IDbTransaction, QueuedRequest> queue)
    {
        using var connection = StateDatabase.Open(connectionString);
        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) makes the look-up and the insert one writer's.
        // PostgreSQL (READ COMMITTED) lets two transactions both find no key: a lock on the key, held until
        // commit, makes the second wait for the first and then find its row (each statement sees what is committed).
        using var transaction = connection.BeginTransaction();
        if (key is not null && StateDatabase.IsPostgres(connectionString))
        {
            connection.Execute("SELECT pg_advisory_xact_lock(hashtextextended(@lockKey, 0))",
                new { lockKey = "idempotency:" + requestedBy + "\n" + key }, transaction);
        }

        if (key is not null && Find(connection, transaction, requestedBy, key, fingerprint) is { } earlier)
        {
            return earlier;
        }

        var queued = queue(connection, transaction);
        if (key is not null)
        {
            connection.Execute(
                """
                INSERT INTO idempotency_keys (requested_by, idempotency_key, request_sha256, run_id, burst_id, created_at)
                VALUES (@requestedBy, @key, @fingerprint, @RunId, @BurstId, @now)
                """,
                new { requestedBy, key, fingerprint, queued.RunId, queued.BurstId, now = RunStore.Timestamp(clock.GetUtcNow()) },
                transaction);
        }

        transaction.Commit();
        return queued;
    }

    private static QueuedRequest? Find(IDbConnection connection, IDbTransaction? transaction, string requestedBy, string key, string fingerprint)
    {
        var row = connection.QuerySingleOrDefault<(string Fingerprint, long? RunId, long? BurstId)?>(
            "SELECT request_sha256, run_id, burst_id FROM idempotency_keys WHERE requested_by = @requestedBy AND idempotency_key = @key",
            new { requestedBy, key },
            transaction);
        if (row is not { } found)
        {
            return null;
        }

        return found.Fingerprint == fingerprint
            ? new QueuedRequest(found.RunId, found.BurstId, Repeated: true)
            : throw new IdempotencyConflictException(
                $"The idempotency key \"{key}\" was used for a different request (run {found.RunId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, burst {found.BurstId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}); use a new key for a new request.");
    }
}
