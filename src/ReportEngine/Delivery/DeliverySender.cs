using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>
/// One pass over the outbox: every pending delivery that is due, oldest first, each claimed before it
/// is tried and its outcome recorded at once. The sender writes its heartbeat while the pass runs, so no
/// other sender takes its claims over, however long a send takes. When the SMTP server cannot be reached,
/// or refuses our login or sender (a configuration problem), the remaining e-mails of the pass are left
/// pending untouched (file drops still go). A message the server accepted is recorded as sent before
/// anything else happens, retried while the database refuses; if it still cannot be, the pass stops and
/// the sender keeps the claim (and its heartbeat) and records it first at its next pass. Nothing escapes
/// but cancellation between deliveries; a send in progress is not cancelled (see README: at-least-once).
/// </summary>
public sealed class DeliverySender(Outbox outbox, CommitteeStore committees, ReportArchive archive,
    SmtpOptions smtp, DeliveryOptions options, ILogger logger, BurstStore? bursts = null, TimeProvider? clock = null)
{
    /// <summary>
    /// Test-only: milliseconds to wait after each delivery is recorded, before the next, so a test can
    /// kill the sender between two sends deterministically. Never set it in production.
    /// </summary>
    public const string DelayBetweenSendsVariable = "REPORTENGINE_TEST_DELAY_BETWEEN_SENDS_MS";

    /// <summary>Attempts at recording `sent` within one pass; the waits between them double from half a second up to 30 s.</summary>
    public const int RecordSentAttempts = 10;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private int _passing;
    private readonly List<DeliveryRecord> _unrecorded = [];
    private SenderHeartbeat? _heartbeat;

    /// <summary>The id this sender signs its claims with (random, drawn when it is made).</summary>
    public string Id => Heartbeat.Id;

    /// <summary>Deliveries the server accepted whose `sent` the database has not taken yet; this sender still holds their claims.</summary>
    public IReadOnlyList<DeliveryRecord> Unrecorded => _unrecorded;

    private SenderHeartbeat Heartbeat => _heartbeat ??= new SenderHeartbeat(outbox, options.HeartbeatInterval, _clock, logger);

    public async Task<DeliveryPass> SendDueAsync(IReadOnlyCollection<long>? runIds, CancellationToken cancellation)
    {
        OnePassAtATime();
        try
        {
            await using var alive = Heartbeat.KeepAlive();
            return await Pass(runIds, cancellation);
        }
        finally
        {
            _passing = 0;
        }
    }

    /// <summary>
    /// For a sender about to exit (`deliveries send`, a burst): records the sends still unrecorded, trying
    /// again every 30 s while the database refuses, until done or cancelled. Returns whether all are recorded;
    /// when not, exiting lets their claims expire after Delivery:ClaimTimeout and they are sent again.
    /// </summary>
    public async Task<bool> FinishAsync(CancellationToken cancellation)
    {
        while (_unrecorded.Count > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), _clock, cancellation);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            OnePassAtATime();
            try
            {
                await using var alive = Heartbeat.KeepAlive();
                await RecordUnrecorded(new DeliveryPass());
            }
            catch (DbException e)
            {
                logger.LogWarning("delivery sender {Sender}: the database still refuses: {Error}", Id, e.Message);
            }
            finally
            {
                _passing = 0;
            }
        }

        return true;
    }

    /// <summary>A sender's passes follow one another (the worker's loop, or a verb's one pass): its unrecorded sends are its own.</summary>
    private void OnePassAtATime()
    {
        if (Interlocked.Exchange(ref _passing, 1) != 0)
        {
            throw new InvalidOperationException("A delivery sender runs one pass at a time; make another sender for another pass.");
        }
    }

    private async Task<DeliveryPass> Pass(IReadOnlyCollection<long>? runIds, CancellationToken cancellation)
    {
        var sender = Heartbeat.Id;
        var pass = new DeliveryPass();

        // Before anything else: what the server accepted earlier and the database did not take.
        if (!await RecordUnrecorded(pass))
        {
            return pass;
        }

        var released = outbox.ReleaseAbandonedClaims(options.ClaimTimeout);
        if (released > 0)
        {
            logger.LogWarning("took back {Count} deliveries claimed by a sender whose heartbeat stopped; they are tried again", released);
        }

        var emailStopped = !smtp.IsConfigured;
        var committeeCache = new Dictionary<long, Committee?>();
        await using var channel = new SmtpChannel(smtp);
        foreach (var delivery in outbox.Due(runIds))
        {
            cancellation.ThrowIfCancellationRequested();
            if (delivery.Channel == DeliveryChannel.Email && emailStopped)
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

            pass.Runs.Add(delivery.RunId);
            if (!await Record(delivery, outcome, sender, pass))
            {
                // The database refuses even `sent`: nothing more is claimed or sent in this pass.
                return pass;
            }

            if (outcome.ConnectionLost)
            {
                emailStopped = true;
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

    /// <summary>Records the outcome; false only when the server accepted the message and `sent` could not be recorded.</summary>
    private async Task<bool> Record(DeliveryRecord delivery, DeliveryOutcome outcome, string sender, DeliveryPass pass)
    {
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Sent:
                if (!await RecordSent(delivery))
                {
                    _unrecorded.Add(delivery);
                    pass.Unrecorded++;
                    return false;
                }

                pass.Sent++;
                logger.LogInformation("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): sent", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address);
                break;
            case DeliveryOutcomeKind.Refused:
                outbox.MarkFailed(delivery.Id, sender, outcome.Error!);
                pass.Failed++;
                logger.LogWarning("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): failed: {Error}", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address, outcome.Error);
                break;
            case DeliveryOutcomeKind.Misconfigured:
                outbox.KeepPending(delivery.Id, sender, outcome.Error!);
                pass.Waiting++;
                pass.ConfigurationProblem ??= outcome.Error;
                logger.LogError("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): e-mail stops, every e-mail stays pending: {Error}", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address, outcome.Error);
                break;
            default:
                outbox.RecordTransientFailure(delivery.Id, sender, outcome.Error!, options.MaxAttempts, BackOff);
                pass.Retrying++;
                logger.LogWarning("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): will retry: {Error}", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address, outcome.Error);
                break;
        }

        return true;
    }

    /// <summary>
    /// `sent` is a fact once the server accepted the message: recording it is retried with a growing wait
    /// (the database busy or locked past its timeout, a full disk freed meanwhile), not cancelled, and
    /// logged at each failure. The heartbeat keeps the claim this sender's meanwhile.
    /// </summary>
    private async Task<bool> RecordSent(DeliveryRecord delivery)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                outbox.MarkSent(delivery.Id);
                return true;
            }
            catch (DbException e) when (attempt < RecordSentAttempts)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(500 * Math.Pow(2, attempt - 1), 30_000));
                logger.LogError("delivery {Id} ({Address}) was accepted by the server, but recording it as sent failed (attempt {Attempt} of {Attempts}): {Error}; trying again in {Wait}",
                    delivery.Id, delivery.Address, attempt, RecordSentAttempts, e.Message, wait);
                await Task.Delay(wait, _clock, CancellationToken.None);
            }
            catch (DbException e)
            {
                logger.LogError("delivery {Id} ({Address}) was accepted by the server, but recording it as sent failed {Attempts} times: {Error}; "
                    + "this sender keeps its claim and records it before anything else",
                    delivery.Id, delivery.Address, RecordSentAttempts, e.Message);
                return false;
            }
        }
    }

    /// <summary>Records the sends the database refused earlier; false (and nothing else done) while it still refuses.</summary>
    private async Task<bool> RecordUnrecorded(DeliveryPass pass)
    {
        while (_unrecorded.Count > 0)
        {
            var delivery = _unrecorded[0];
            if (!await RecordSent(delivery))
            {
                pass.Unrecorded = _unrecorded.Count;
                return false;
            }

            _unrecorded.RemoveAt(0);
            pass.Sent++;
            pass.Runs.Add(delivery.RunId);
            logger.LogInformation("delivery {Id} (run {RunId}, {Committee}, {Channel} {Address}): sent (recorded late)", delivery.Id, delivery.RunId, delivery.CommitteeCode, delivery.Channel, delivery.Address);
        }

        return true;
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

    /// <summary>Accepted by the server, not yet recorded as sent: the database refused (the sender holds their claims).</summary>
    public int Unrecorded { get; set; }

    /// <summary>Why e-mail stopped, when the server refused our login or sender or the settings forbid the login; null otherwise.</summary>
    public string? ConfigurationProblem { get; set; }

    /// <summary>The runs whose deliveries were tried.</summary>
    public HashSet<long> Runs { get; } = [];

    public override string ToString() =>
        $"{Sent} sent, {Failed} failed, {Retrying} to retry, {Waiting} waiting" + (Unrecorded > 0 ? $", {Unrecorded} sent but not recorded" : "");
}
