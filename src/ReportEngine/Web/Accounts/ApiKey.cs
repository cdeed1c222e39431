namespace ReportEngine.Web.Accounts;

/// <summary>An API key as listed: never the key itself, which only its creator saw, once.</summary>
public sealed record ApiKey(long Id, string Name, string Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
