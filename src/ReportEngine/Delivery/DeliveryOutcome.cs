namespace ReportEngine.Delivery;

/// <summary>
/// What one attempt came to. Transient failures are retried; a lost connection also ends the pass for
/// e-mail; a configuration problem ends it too and leaves the delivery pending, its attempts unchanged.
/// </summary>
public sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? Error = null, bool ConnectionLost = false)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryOutcomeKind.Sent);

    public static DeliveryOutcome Refused(string error) => new(DeliveryOutcomeKind.Refused, error);

    public static DeliveryOutcome Transient(string error, bool connectionLost = false) => new(DeliveryOutcomeKind.Transient, error, connectionLost);

    public static DeliveryOutcome Misconfigured(string error) => new(DeliveryOutcomeKind.Misconfigured, error, ConnectionLost: true);
}

public enum DeliveryOutcomeKind
{
    Sent,

    /// <summary>Refused for good: a 5xx reply to this recipient or this message, a bad address, a PDF over the size limit, a different file in the way.</summary>
    Refused,

    /// <summary>Worth another attempt: server down or slow, a 4xx reply, a share not mounted.</summary>
    Transient,

    /// <summary>
    /// Nothing to do with this delivery: the server refuses our login or our sender (a 5xx reply to AUTH or
    /// MAIL FROM, any 5.7.x reply), or the settings forbid the login. Every delivery stays pending until an admin fixes it.
    /// </summary>
    Misconfigured,
}
