using System.Security.Cryptography;
using System.Text;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// API keys for scripts: 32 random bytes shown once (base64url, prefixed "re_"), stored as the SHA-256 of
/// the text presented, so a copy of the database gives no key away. Shared by the `apikeys` verbs and page.
/// </summary>
public sealed class ApiKeyStore(AccountsDatabase database, TimeProvider clock)
{
    private const string Prefix = "re_";

    private const string Columns = """
        id AS Id, name AS Name, role AS Role, created_at AS CreatedAt, created_by AS CreatedBy,
        revoked_at AS RevokedAt, last_used_at AS LastUsedAt
        """;

    /// <summary>Creates a key and returns it with the only copy of its secret.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string role, string? name, string createdBy)
    {
        ConsoleRoles.Require(role);
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        name = string.IsNullOrWhiteSpace(name) ? "key-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) : name.Trim();
        await using var connection = database.Open();
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM console_api_keys WHERE name = @name", new { name }) > 0)
        {
            throw new ReportEngineException($"An API key named \"{name}\" exists already; choose another name.");
        }

        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO console_api_keys (name, role, key_hash, created_at, created_by)
            VALUES (@name, @role, @hash, @at, @createdBy) RETURNING id
            """, new { name, role, hash = Hash(secret), at = StoredTime.Format(now), createdBy });
        return (new ApiKey(id, name, role, now, createdBy, null, null), secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync()
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM console_api_keys ORDER BY id");
        return rows.Select(r => r.ToKey()).ToList();
    }

    /// <summary>Revokes the key with this id or name; null when there is none (or it was revoked already).</summary>
    public async Task<ApiKey?> RevokeAsync(string idOrName)
    {
        await using var connection = database.Open();
        var id = long.TryParse(idOrName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM console_api_keys WHERE (id = @id OR name = @idOrName) AND revoked_at IS NULL", new { id, idOrName });
        if (row is null)
        {
            return null;
        }

        var at = StoredTime.Format(clock.GetUtcNow());
        await connection.ExecuteAsync("UPDATE console_api_keys SET revoked_at = @at WHERE id = @Id", new { at, row.Id });
        row.RevokedAt = at;
        return row.ToKey();
    }

    /// <summary>The live key a presented secret belongs to, or null; marks it used.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var connection = database.Open();
        // An equality lookup on a hash: the stored value reveals nothing to time, so no constant-time compare is needed.
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM console_api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash = Hash(secret) });
        if (row is null)
        {
            return null;
        }

        await connection.ExecuteAsync("UPDATE console_api_keys SET last_used_at = @at WHERE id = @Id",
            new { at = StoredTime.Format(clock.GetUtcNow()), row.Id });
        return row.ToKey();
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string? RevokedAt { get; set; }
        public string? LastUsedAt { get; set; }

        public ApiKey ToKey() => new(Id, Name, Role, AccountStore.ParseTime(CreatedAt), CreatedBy,
            RevokedAt is null ? null : AccountStore.ParseTime(RevokedAt), LastUsedAt is null ? null : AccountStore.ParseTime(LastUsedAt));
    }
}
