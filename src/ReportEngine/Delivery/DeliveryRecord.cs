namespace ReportEngine.Delivery;

/// <summary>One row of the outbox: one run's PDF to one address (or drop folder) of one committee.</summary>
public sealed record DeliveryRecord
{
    public long Id { get; init; }

    public long RunId { get; init; }

    public long CommitteeId { get; init; }

    public string CommitteeCode { get; init; } = "";

    public required string Channel { get; init; }

    public required string Address { get; init; }

    public string Role { get; init; } = RecipientRole.To;

    public required string MessageId { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required string FileName { get; init; }

    public string Status { get; init; } = DeliveryStatus.Pending;

    public long Attempts { get; init; }

    public string? LastError { get; init; }

    public string CreatedAt { get; init; } = "";

    public string NextAttemptAt { get; init; } = "";

    public string? LastAttemptAt { get; init; }

    public string? SentAt { get; init; }

    /// <summary>The run's archived PDF, relative to the archive root.</summary>
    public string? ArchivePath { get; init; }
}

/// <summary>pending → sent | failed (refused for good) | dead (gave up after Delivery:MaxAttempts transient failures).</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Dead = "dead";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Failed, Dead];
}

public static class DeliveryChannel
{
    public const string Email = "email";
    public const string File = "file";
}

/// <summary>How many committees a burst (or run) was for, and where their deliveries stand.</summary>
public sealed record DeliverySummary(long Committees, long Sent, long Pending, long Failed, long Dead)
{
    public override string ToString() =>
        $"{Committees} committees, {Sent} sent, {Pending} pending, {Failed} failed, {Dead} dead";
}
