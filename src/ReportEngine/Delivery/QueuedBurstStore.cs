using System.Data;
using System.Data.Common;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>A burst queued for the worker (from the console or the API).</summary>
public sealed record QueuedBurst(long Id, string Template, string Parameters, string Committees, string Trigger, string RequestedBy, string Status, string? ExecutedBy);

/// <summary>
/// Bursts asked for in the console or the API wait in the bursts table with status queued; the worker
/// claims one (queued → running, guarded by the status it leaves, so two pollers cannot both take it)
/// and marks it finished once its committees are rendered and their deliveries tried.
/// </summary>
public sealed class QueuedBurstStore(string connectionString, TimeProvider clock)
{
    private const string Columns = """
        id AS Id, template AS Template, parameters AS Parameters, committees AS Committees, trigger AS Trigger,
        requested_by AS RequestedBy, status AS Status, executed_by AS ExecutedBy
        """;

    /// <summary>Records a queued burst inside the caller's transaction.</summary>
    public static long Queue(IDbConnection connection, IDbTransaction transaction, string template, IReadOnlyDictionary<string, string> parameters,
        string committees, string trigger, string requestedBy, string now) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO bursts (template, parameters, committees, requested_by, trigger, status, created_at)
            VALUES (@template, @parameters, @committees, @requestedBy, @trigger, 'queued', @now) RETURNING id
            """,
            new { template, parameters = RunParameters.Format(parameters), committees, requestedBy, trigger, now },
            transaction);

    /// <summary>Bursts waiting for a worker, and bursts a worker took before it stopped (running), oldest first.</summary>
    public IReadOnlyList<QueuedBurst> Waiting()
    {
        using var connection = Open();
        return connection.Query<QueuedBurst>($"SELECT {Columns} FROM bursts WHERE status IN ('queued', 'running') ORDER BY id").AsList();
    }

    public QueuedBurst? Find(long id)
    {
        using var connection = Open();
        return connection.QuerySingleOrDefault<QueuedBurst>($"SELECT {Columns} FROM bursts WHERE id = @id AND status IS NOT NULL", new { id });
    }

    /// <summary>Takes a burst for this process: a queued one, or one still marked running by a process that has died.</summary>
    public bool TryClaim(QueuedBurst burst, string executedBy)
    {
        using var connection = Open();
        return connection.Execute(
            """
            UPDATE bursts SET status = 'running', started_at = COALESCE(started_at, @now), executed_by = @claimant
            WHERE id = @Id AND status = @Status AND COALESCE(executed_by, '') = COALESCE(@ExecutedBy, '')
            """,
            // Not @executedBy beside @ExecutedBy: PostgreSQL's driver matches parameter names regardless of case.
            new { burst.Id, burst.Status, burst.ExecutedBy, claimant = executedBy, now = RunStore.Timestamp(clock.GetUtcNow()) }) == 1;
    }

    public void Finish(long id)
    {
        using var connection = Open();
        connection.Execute("UPDATE bursts SET status = 'finished', finished_at = @now WHERE id = @id AND status = 'running'",
            new { id, now = RunStore.Timestamp(clock.GetUtcNow()) });
    }

    private DbConnection Open() => StateDatabase.Open(connectionString);
}
