using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ReportEngine.Configuration;

namespace ReportEngine.Delivery;

/// <summary>
/// One SMTP connection for a pass of the sender (MailKit), opened on first use and reused. Every
/// failure becomes an outcome: 5xx replies are refusals carrying the server's reply, 4xx replies and
/// connection trouble (refused, timeout, dropped, TLS, login) are transient. After any failure the
/// connection is dropped, so the next message starts from a clean session.
/// </summary>
internal sealed class SmtpChannel(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, string envelopeRecipient, CancellationToken cancellation)
    {
        try
        {
            var client = await ConnectedClient(cancellation);
            await client.SendAsync(message, MailboxAddress.Parse(options.From), [MailboxAddress.Parse(envelopeRecipient)], cancellation);
            return DeliveryOutcome.Sent;
        }
        catch (SmtpCommandException e)
        {
            await Drop();
            var reply = string.Create(CultureInfo.InvariantCulture, $"{(int)e.StatusCode} {e.Message}");
            return (int)e.StatusCode >= 500
                ? DeliveryOutcome.Refused($"The server refused {Describe(e.ErrorCode)}: {reply}")
                : DeliveryOutcome.Transient($"The server deferred {Describe(e.ErrorCode)}: {reply}");
        }
        catch (ParseException e)
        {
            await Drop();
            return DeliveryOutcome.Refused($"\"{envelopeRecipient}\" is not an e-mail address: {e.Message}");
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or SmtpProtocolException
                                      or ServiceNotConnectedException or SslHandshakeException or AuthenticationException
                                      or OperationCanceledException or NotSupportedException)
        {
            await Drop();
            // NotSupportedException: the server offers no STARTTLS (or no login) while the settings ask for it.
            var what = e is AuthenticationException ? "could not log in to" : "could not talk to";
            return DeliveryOutcome.Transient(
                string.Create(CultureInfo.InvariantCulture, $"ReportEngine {what} the SMTP server {options.Host}:{options.Port} ({e.GetType().Name}: {e.Message})"),
                connectionLost: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // Everything was sent or recorded already; a failed QUIT changes nothing.
            }
        }

        _client?.Dispose();
        _client = null;
    }

    private async Task<SmtpClient> ConnectedClient(CancellationToken cancellation)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        _client?.Dispose();
        _client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        var security = options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await _client.ConnectAsync(options.Host!, options.Port, security, cancellation);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.ReadPassword() ?? "", cancellation);
        }

        return _client;
    }

    private async Task Drop() => await DisposeAsync();

    private static string Describe(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "the recipient",
        SmtpErrorCode.SenderNotAccepted => "the sender",
        SmtpErrorCode.MessageNotAccepted => "the message",
        _ => "the command",
    };
}
