using System.Text;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Delivery;

/// <summary>Which deliveries a listing shows; null means "any".</summary>
public sealed record DeliveryFilter(string? Status = null, string? Committee = null, long? RunId = null);

/// <summary>One page of deliveries, newest first; <see cref="NextBefore"/> is the keyset of the next (older) page, null on the last.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryRecord> Deliveries, long? NextBefore);

/// <summary>
/// The deliveries as people look them up (the console's deliveries page): by status, committee code and
/// run, newest first, a page at a time by keyset on id, so a delivery added meanwhile shifts nothing.
/// </summary>
public sealed class DeliveryQueries(string connectionString)
{
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 50;

    public DeliveryPage Page(DeliveryFilter filter, long? before = null, int size = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
        if (filter.Status is { } status && !DeliveryStatus.All.Contains(status))
        {
            throw new ReportEngineException($"There is no delivery status \"{status}\"; the statuses are {string.Join(", ", DeliveryStatus.All)}.");
        }

        var where = new StringBuilder("WHERE 1 = 1");
        if (before is not null)
        {
            where.Append(" AND d.id < @before");
        }

        if (filter.Status is not null)
        {
            where.Append(" AND d.status = @Status");
        }

        if (filter.Committee is not null)
        {
            where.Append(" AND c.code = @Committee");
        }

        if (filter.RunId is not null)
        {
            where.Append(" AND d.run_id = @RunId");
        }

        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        var rows = connection.Query<DeliveryRecord>(
            $"""
            SELECT d.id AS Id, d.run_id AS RunId, d.committee_id AS CommitteeId, c.code AS CommitteeCode, d.channel AS Channel,
                   d.address AS Address, d.role AS Role, d.message_id AS MessageId, d.subject AS Subject, '' AS Body,
                   d.file_name AS FileName, d.status AS Status, d.attempts AS Attempts, d.last_error AS LastError,
                   d.created_at AS CreatedAt, d.next_attempt_at AS NextAttemptAt, d.last_attempt_at AS LastAttemptAt, d.sent_at AS SentAt
            FROM deliveries d JOIN committees c ON c.id = d.committee_id
            {where} ORDER BY d.id DESC LIMIT @limit
            """,
            new { before, filter.Status, filter.Committee, filter.RunId, limit = size + 1 }).AsList();
        return rows.Count > size ? new DeliveryPage(rows.GetRange(0, size), rows[size - 1].Id) : new DeliveryPage(rows, null);
    }
}
