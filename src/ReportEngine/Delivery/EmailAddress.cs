using MimeKit;

namespace ReportEngine.Delivery;

/// <summary>What an address must look like to be stored for a committee: one plain mailbox, user@domain.tld.</summary>
public static class EmailAddress
{
    /// <returns>The problem with the address, or null when it is good.</returns>
    public static string? Problem(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "the e-mail address is empty";
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox) || mailbox.Address != address.Trim())
        {
            return $"\"{address}\" is not an e-mail address (write it as user@domain, without a display name)";
        }

        var at = mailbox.Address.LastIndexOf('@');
        var domain = at < 0 ? "" : mailbox.Address[(at + 1)..];
        return at <= 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.')
            ? $"\"{address}\" is not an e-mail address (it needs a user and a domain such as example.org)"
            : null;
    }
}
