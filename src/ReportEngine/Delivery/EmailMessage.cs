using System.Globalization;
using MimeKit;

namespace ReportEngine.Delivery;

/// <summary>
/// The e-mail of one delivery. Its headers name the committee's To and Cc recipients, but it is sent
/// to one envelope recipient only (the delivery's address), so each address is accounted for on its
/// own and a retry reaches only the recipients whose delivery failed. Every attempt builds the same
/// message: same Message-ID, same Date (the delivery's creation), so a duplicate is recognisable.
/// </summary>
public static class EmailMessage
{
    public static MimeMessage Build(DeliveryRecord delivery, Committee? committee, string from, string pdf)
    {
        var message = new MimeMessage
        {
            MessageId = delivery.MessageId,
            Subject = delivery.Subject,
            Date = DateTimeOffset.Parse(delivery.CreatedAt, CultureInfo.InvariantCulture),
        };
        message.From.Add(MailboxAddress.Parse(from));
        var recipients = committee?.Recipients ?? [new Recipient(delivery.Address, delivery.Role)];
        // Another recipient's broken address must not stop this one: it is only left out of the headers.
        message.To.AddRange(Parsable(recipients, RecipientRole.To));
        message.Cc.AddRange(Parsable(recipients, RecipientRole.Cc));
        var own = MailboxAddress.Parse(delivery.Address);
        if (!own.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new ParseException($"\"{delivery.Address}\" has no domain.", 0, 0);
        }

        if (!message.To.Concat(message.Cc).OfType<MailboxAddress>().Any(m => m.Address.Equals(own.Address, StringComparison.OrdinalIgnoreCase)))
        {
            // The committee's list changed since the run: the header still names who this copy is for.
            (delivery.Role == RecipientRole.Cc ? message.Cc : message.To).Add(own);
        }

        message.Headers.Add("X-ReportEngine-Run", delivery.RunId.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-ReportEngine-Committee", delivery.CommitteeCode);

        var body = new BodyBuilder { TextBody = delivery.Body };
        body.Attachments.Add(delivery.FileName, File.ReadAllBytes(pdf), new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static IEnumerable<MailboxAddress> Parsable(IEnumerable<Recipient> recipients, string role) =>
        recipients.Where(r => r.Role == role)
            .Select(r => MailboxAddress.TryParse(r.Address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) ? mailbox : null)
            .OfType<MailboxAddress>();

    /// <summary>
    /// Derived from the run and the recipient: the same for every attempt of a delivery, different for
    /// every recipient and run. The domain is the sender's, as RFC 5322 suggests.
    /// </summary>
    public static string MessageIdFor(long runId, string committeeCode, string channel, string address, string from)
    {
        var domain = MailboxAddress.TryParse(from, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? mailbox.Address[(mailbox.Address.LastIndexOf('@') + 1)..]
            : "reportengine.invalid";
        var recipient = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{channel}:{address.ToLowerInvariant()}")))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"run-{runId}.{committeeCode}.{recipient}@{domain}");
    }
}
