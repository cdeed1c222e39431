using System.Globalization;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Web.Accounts;

/// <summary>The console_users table: SQL only, shared by Identity's store, the `users` verbs and the Users page.</summary>
public sealed class AccountStore(AccountsDatabase database)
{
    private const string Columns = """
        id AS Id, name AS Name, normalized_name AS NormalizedName, role AS Role, password_hash AS PasswordHash,
        security_stamp AS SecurityStamp, concurrency_stamp AS ConcurrencyStamp, failed_count AS FailedCount,
        lockout_end AS LockoutEnd, disabled AS Disabled, language AS Language, created_at AS CreatedAt
        """;

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    public async Task<ConsoleUser?> FindByIdAsync(long id)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM console_users WHERE id = @id", new { id });
        return row?.ToUser();
    }

    public async Task<ConsoleUser?> FindByNameAsync(string name)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM console_users WHERE normalized_name = @normalized", new { normalized = Normalize(name) });
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<ConsoleUser>> ListAsync()
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM console_users ORDER BY normalized_name");
        return rows.Select(r => r.ToUser()).ToList();
    }

    public async Task<long> InsertAsync(ConsoleUser user)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO console_users (name, normalized_name, role, password_hash, security_stamp, concurrency_stamp,
                                       failed_count, lockout_end, disabled, language, created_at)
            VALUES (@Name, @NormalizedName, @Role, @PasswordHash, @SecurityStamp, @ConcurrencyStamp,
                    @FailedCount, @LockoutEnd, @Disabled, @Language, @CreatedAt)
            RETURNING id
            """, Parameters(user));
    }

    /// <summary>Writes every column; false when the row changed since it was read (its concurrency stamp moved on).</summary>
    public async Task<bool> UpdateAsync(ConsoleUser user, string readStamp)
    {
        var parameters = new DynamicParameters(Parameters(user));
        parameters.Add("ReadStamp", readStamp);
        await using var connection = database.Open();
        var changed = await connection.ExecuteAsync("""
            UPDATE console_users SET name = @Name, normalized_name = @NormalizedName, role = @Role, password_hash = @PasswordHash,
                   security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, failed_count = @FailedCount,
                   lockout_end = @LockoutEnd, disabled = @Disabled, language = @Language
            WHERE id = @Id AND concurrency_stamp = @ReadStamp
            """, parameters);
        return changed == 1;
    }

    /// <summary>The person's chosen console language; not a change Identity needs to know of (no stamp moves).</summary>
    public async Task SetLanguageAsync(long id, string language)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync("UPDATE console_users SET language = @language WHERE id = @id", new { id, language });
    }

    public async Task DeleteAsync(long id)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync("DELETE FROM console_users WHERE id = @id", new { id });
    }

    private static object Parameters(ConsoleUser user) => new
    {
        user.Id,
        user.Name,
        user.NormalizedName,
        user.Role,
        user.PasswordHash,
        user.SecurityStamp,
        user.ConcurrencyStamp,
        FailedCount = (long)user.FailedCount,
        LockoutEnd = user.LockoutEnd is { } end ? StoredTime.Format(end) : null,
        Disabled = user.Disabled ? 1L : 0L,
        user.Language,
        CreatedAt = StoredTime.Format(user.CreatedAt),
    };

    /// <summary>The row as both databases return it: times as text, flags and counts as 64-bit integers.</summary>
    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string NormalizedName { get; set; } = "";
        public string Role { get; set; } = "";
        public string? PasswordHash { get; set; }
        public string SecurityStamp { get; set; } = "";
        public string ConcurrencyStamp { get; set; } = "";
        public long FailedCount { get; set; }
        public string? LockoutEnd { get; set; }
        public long Disabled { get; set; }
        public string Language { get; set; } = "vi";
        public string CreatedAt { get; set; } = "";

        public ConsoleUser ToUser() => new()
        {
            Id = Id,
            Name = Name,
            NormalizedName = NormalizedName,
            Role = Role,
            PasswordHash = PasswordHash,
            SecurityStamp = SecurityStamp,
            ConcurrencyStamp = ConcurrencyStamp,
            FailedCount = (int)FailedCount,
            LockoutEnd = LockoutEnd is null ? null : ParseTime(LockoutEnd),
            Disabled = Disabled != 0,
            Language = Language,
            CreatedAt = ParseTime(CreatedAt),
        };
    }

    internal static DateTimeOffset ParseTime(string stored) =>
        DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
