using ReportEngine.Delivery;

namespace ReportEngine.Web.Api;

/// <summary>
/// One delivery of a run to a committee (an e-mail recipient or a file drop): pending, sent, failed or dead
/// (attempts used up). Never its message body.
/// </summary>
public sealed record DeliveryResource(long Id, long RunId, string Committee, string Channel, string Address, string Role, string Status,
    long Attempts, string? LastError, string CreatedAt, string? NextAttemptAt, string? LastAttemptAt, string? SentAt)
{
    public static DeliveryResource From(DeliveryRecord d, ApiTime time) => new(
        d.Id, d.RunId, d.CommitteeCode, d.Channel, d.Address, d.Role, d.Status, d.Attempts, d.LastError,
        time.Show(d.CreatedAt)!, d.Status == DeliveryStatus.Pending ? time.Show(d.NextAttemptAt) : null, time.Show(d.LastAttemptAt), time.Show(d.SentAt));
}

/// <summary>What a retry did: how many deliveries it made pending again (0: nothing had failed); the worker sends them.</summary>
public sealed record RetryResource(long? DeliveryId, long? RunId, int Retried);
