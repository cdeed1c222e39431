using System.Text;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// The console_audit_log table. Pages, API endpoints and CLI verbs write through <see cref="WriteAsync"/>;
/// the CLI's remote address is "cli" (a person at the server's terminal).
/// </summary>
public sealed class AuditLog(AccountsDatabase database, TimeProvider clock)
{
    public const string CommandLineAddress = "cli";

    public async Task WriteAsync(string actor, string action, string? target, string? detail, string? remoteAddress)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync("""
            INSERT INTO console_audit_log (at, actor, action, target, detail, remote_address)
            VALUES (@at, @actor, @action, @target, @detail, @remoteAddress)
            """, new { at = StoredTime.Format(clock.GetUtcNow()), actor, action, target, detail, remoteAddress });
    }

    /// <summary>Newest first; <paramref name="beforeId"/> pages on by keyset (fast however long the log grows).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? actor, string? action, long? beforeId, int limit)
    {
        var sql = new StringBuilder("SELECT id AS Id, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, remote_address AS RemoteAddress FROM console_audit_log WHERE 1 = 1");
        if (!string.IsNullOrWhiteSpace(actor))
        {
            sql.Append(" AND actor = @actor");
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            sql.Append(" AND action = @action");
        }

        if (beforeId is not null)
        {
            sql.Append(" AND id < @beforeId");
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(long Id, string At, string Actor, string Action, string? Target, string? Detail, string? RemoteAddress)>(
            sql.ToString(), new { actor = actor?.Trim(), action = action?.Trim(), beforeId, limit = (long)limit });
        return rows.Select(r => new AuditEntry(r.Id, AccountStore.ParseTime(r.At), r.Actor, r.Action, r.Target, r.Detail, r.RemoteAddress)).ToList();
    }
}
