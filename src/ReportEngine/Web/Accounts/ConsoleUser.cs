namespace ReportEngine.Web.Accounts;

/// <summary>A console account as the console_users table holds it (migration 0011).</summary>
public sealed class ConsoleUser
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string NormalizedName { get; set; } = "";

    public string Role { get; set; } = ConsoleRoles.Viewer;

    /// <summary>Identity's PasswordHasher output (PBKDF2 with a salt); null for an account without a password.</summary>
    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = "";

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public int FailedCount { get; set; }

    /// <summary>Locked out until this instant (UTC); null when not locked.</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    public bool Disabled { get; set; }

    /// <summary>"vi" or "en": the console's language for this person.</summary>
    public string Language { get; set; } = "vi";

    public DateTimeOffset CreatedAt { get; set; }
}
