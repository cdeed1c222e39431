using System.Globalization;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>
/// One pass over the outbox: every pending delivery that is due, oldest first, each claimed before it
/// is tried and its outcome recorded at once. When the SMTP server cannot be reached the remaining
/// e-mails of the pass are left pending untouched (file drops still go). Nothing escapes but
/// cancellation between deliveries; a send in progress is not cancelled (see README: the crash window).
/// </summary>
public sealed class DeliverySender(Outbox outbox, CommitteeStore committees, ReportArchive archive,
    SmtpOptions smtp, DeliveryOptions options, ILogger logger, BurstStore? bursts = null)
{
    /// <summary>
    /// Test-only: milliseconds to wait after each delivery is recorded, before the next, so a test can
    /// kill the sender between two sends deterministically. Never set it in production.
    /// </summary>
    public const string DelayBetweenSendsVariable = "REPORTENGINE_TEST_DELAY_BETWEEN_SENDS_MS";

    public async Task<DeliveryPass> SendDueAsync(IReadOnlyCollection<long>? runIds, CancellationToken cancellation)
    {
        var sender = Outbox.SenderName;
        var released = outbox.ReleaseAbandonedClaims(options.ClaimTimeout);
        if (released > 0)
        {
            logger.LogWarning("took back {Count} deliveries claimed by a sender that died or stalled; they are tried again", released);
        }

        var pass = new DeliveryPass();
        var emailUnreachable = !smtp.IsConfigured;
        var committeeCache = new Dictionary<long, Committee?>();
        await using var channel = new SmtpChannel(smtp);
        foreach (var delivery in outbox.Due(runIds))
        {
            cancellation.ThrowIfCancellationRequested();
            if (delivery.Channel == DeliveryChannel.Email && emailUnreachable)
            {
                pass.Waiting++;
                continue;
            }

            if (!outbox.TryClaim(delivery.Id, sender))
            {
                continue;
            }

            DeliveryOutcome outcome;
            try
            {
                outcome = await Attempt(delivery, channel, committeeCache);
            }
#pragma warning disable CA1031 // Whatever went wrong is recorded on the delivery (and retried); a claim is never left behind.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcome = DeliveryOutcome.Transient(RunExecutor.Describe(e));
            }

            Record(delivery, outcome, sender, pass);
            pass.Runs.Add(delivery.RunId);
            if (outcome.ConnectionLost)
            {
                emailUnreachable = true;
            }

            await TestDelay(cancellation);
        }

        // Each burst's stored summary follows its deliveries.
        bursts?.SummarizeFor(pass.Runs);
        if (!smtp.IsConfigured && pass.Waiting > 0)
        {
            logger.LogWarning("{Count} e-mail deliveries wait: the setting Smtp:Host is not set", pass.Waiting);
        }

        return pass;
    }

    private async Task<DeliveryOutcome> Attempt(DeliveryRecord delivery, SmtpChannel channel, Dictionary<long, Committee?> committeeCache)
    {
        if (delivery.ArchivePath is null || !File.Exists(archive.FullPath(delivery.ArchivePath)))
        {
            // Retried rather than failed: an archive not mounted, or a wrong Archive:Path, is fixed by an admin.
            return DeliveryOutcome.Transient($"The run's archived PDF ({delivery.ArchivePath ?? "none"}) is missing from {archive.Root} (is Archive:Path right, the archive mounted?).");
        }

        var pdf = archive.FullPath(delivery.ArchivePath);
        if (delivery.Channel == DeliveryChannel.File)
        {
            return FileDrop.Copy(pdf, delivery.Address, delivery.FileName);
        }

        var bytes = new FileInfo(pdf).Length;
        if (bytes > smtp.MaxAttachmentBytes)
        {
            return DeliveryOutcome.Refused(string.Create(CultureInfo.InvariantCulture,
                $"The PDF is {bytes} bytes, over the limit Smtp:MaxAttachmentBytes ({smtp.MaxAttachmentBytes}); not sent."));
        }

        if (!committeeCache.TryGetValue(delivery.CommitteeId, out var committee))
        {
            committee = committeeCache[delivery.CommitteeId] = committees.Find(delivery.CommitteeCode);
        }

        MimeKit.MimeMessage message;
        try
        {
            message = EmailMessage.Build(delivery, committee, smtp.From, pdf);
        }
        catch (MimeKit.ParseException e)
        {
            return DeliveryOutcome.Refused($"\"{delivery.Address}\" (or another address of committee {delivery.CommitteeCode}) is not an e-mail address: {e.Message}");
        }

        // The attempt itself is not cancelled: stopping mid-DATA is what could send a message twice.
        return await channel.SendAsync(message, delivery.Address, CancellationToken.None);
    }

    private void Record(DeliveryRecord delivery, DeliveryOutcome outcome, string sender, DeliveryPass pass)
    {
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Sent:
                outbox.MarkSent(delivery.Id);
                pass.Sent++;
                logger.LogInformation("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): sent", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address);
                break;
            case DeliveryOutcomeKind.Refused:
                outbox.MarkFailed(delivery.Id, sender, outcome.Error!);
                pass.Failed++;
                logger.LogWarning("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): failed: {Error}", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address, outcome.Error);
                break;
            default:
                outbox.RecordTransientFailure(delivery.Id, sender, outcome.Error!, options.MaxAttempts, BackOff);
                pass.Retrying++;
                logger.LogWarning("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): will retry: {Error}", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address, outcome.Error);
                break;
        }
    }

    /// <summary>Wait before the next attempt after the given number of attempts: doubling from FirstRetryDelay, capped.</summary>
    public TimeSpan BackOff(long attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.FirstRetryDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay;
    }

    private static async Task TestDelay(CancellationToken cancellation)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(DelayBetweenSendsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            await Task.Delay(milliseconds, cancellation);
        }
    }
}

/// <summary>What one pass did: sent, refused for good, to retry later, and e-mails left waiting (server unreachable or not configured).</summary>
public sealed class DeliveryPass
{
    public int Sent { get; set; }

    public int Failed { get; set; }

    public int Retrying { get; set; }

    public int Waiting { get; set; }

    /// <summary>The runs whose deliveries were tried.</summary>
    public HashSet<long> Runs { get; } = [];

    public override string ToString() => $"{Sent} sent, {Failed} failed, {Retrying} to retry, {Waiting} waiting";
}
