namespace ReportEngine.Delivery;

/// <summary>What one attempt came to. Transient failures are retried; a lost connection also ends the pass for e-mail.</summary>
public sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? Error = null, bool ConnectionLost = false)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryOutcomeKind.Sent);

    public static DeliveryOutcome Refused(string error) => new(DeliveryOutcomeKind.Refused, error);

    public static DeliveryOutcome Transient(string error, bool connectionLost = false) => new(DeliveryOutcomeKind.Transient, error, connectionLost);
}

public enum DeliveryOutcomeKind
{
    Sent,

    /// <summary>Refused for good: a 5xx reply, a bad address, a PDF over the size limit, a different file in the way.</summary>
    Refused,

    /// <summary>Worth another attempt: server down or slow, a 4xx reply, a share not mounted.</summary>
    Transient,
}
