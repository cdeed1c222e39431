using System.Text;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Runs;

/// <summary>
/// The runs as people look them up (the console's runs page, GET /api/v1/runs): filtered, newest first,
/// a page at a time. Each filter has an index ending in id (0012_console_runs.sql), so a page is one
/// index range read backwards, a few milliseconds with 100,000 runs.
/// </summary>
public sealed class RunQueries(string connectionString)
{
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 50;

    /// <param name="before">The <see cref="RunPage.NextBefore"/> of the previous page; null for the newest.</param>
    /// <param name="size">1 to <see cref="MaxPageSize"/>.</param>
    public RunPage Page(RunFilter filter, long? before = null, int size = DefaultPageSize) => Read(filter, before, null, size);

    /// <summary>
    /// The page just newer than a run (a "previous page" link): the <paramref name="size"/> runs after
    /// <paramref name="after"/> nearest to it, newest first. <see cref="RunPage.NewerAfter"/> says whether
    /// there are newer ones still; <see cref="RunPage.NextBefore"/> leads back to <paramref name="after"/>'s page.
    /// </summary>
    public RunPage Newer(RunFilter filter, long after, int size = DefaultPageSize) => Read(filter, null, after, size);

    private RunPage Read(RunFilter filter, long? before, long? after, int size)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
        if (filter.Status is { } status && !RunStatusNames.Contains(status))
        {
            throw new ReportEngineException($"There is no run status \"{status}\"; the statuses are {string.Join(", ", RunStatusNames)}.");
        }

        // Only the filters given go into the statement: "@x IS NULL OR column = @x" would hide the indexes from SQLite.
        var where = new StringBuilder("WHERE 1 = 1");
        Add(where, before is not null, "id < @before");
        Add(where, after is not null, "id > @after");
        Add(where, filter.Template is not null, "template = @Template");
        Add(where, filter.Status is not null, "status = @Status");
        Add(where, filter.RequestedBy is not null, "requested_by = @RequestedBy");
        Add(where, filter.From is not null, "queued_at >= @from");
        Add(where, filter.To is not null, "queued_at < @to");

        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        var rows = connection.Query<RunRecord>(
            $"SELECT {RunStore.Columns} FROM runs {where} ORDER BY id {(after is null ? "DESC" : "ASC")} LIMIT @limit",
            new
            {
                before,
                after,
                filter.Template,
                filter.Status,
                filter.RequestedBy,
                from = filter.From is { } f ? RunStore.Timestamp(f) : null,
                to = filter.To is { } t ? RunStore.Timestamp(t) : null,
                limit = size + 1, // one more than shown: whether an older page exists
            }).AsList();
        if (after is not null)
        {
            // Read oldest first from the key; shown newest first, and the page after it is the key's own.
            var shown = rows.Take(size).Reverse().ToList();
            return new RunPage(shown, shown.Count > 0 ? shown[^1].Id : null) { NewerAfter = rows.Count > size ? shown[0].Id : null };
        }

        return rows.Count > size
            ? new RunPage(rows.GetRange(0, size), rows[size - 1].Id) { NewerAfter = before is null || rows.Count == 0 ? null : rows[0].Id }
            : new RunPage(rows, null) { NewerAfter = before is null || rows.Count == 0 ? null : rows[0].Id };
    }

    public RunRecord? Find(long id)
    {
        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        return connection.QuerySingleOrDefault<RunRecord>($"SELECT {RunStore.Columns} FROM runs WHERE id = @id", new { id });
    }

    /// <summary>The statuses a run can have, for a filter's choices.</summary>
    public static IReadOnlyList<string> RunStatusNames { get; } =
        [RunStatus.Queued, RunStatus.Running, RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted];

    private static void Add(StringBuilder where, bool given, string condition)
    {
        if (given)
        {
            where.Append(" AND ").Append(condition);
        }
    }
}
