using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ReportEngine.Configuration;

namespace ReportEngine.Delivery;

/// <summary>
/// One SMTP connection for a pass of the sender (MailKit), opened on first use and reused. Every
/// failure becomes an outcome. A 5xx reply about this recipient or this message refuses the delivery;
/// a 5xx reply to our login or our sender (AUTH, MAIL FROM, the greeting), any 5.7.x reply (relaying,
/// policy, authentication) and a login the settings forbid are configuration problems: nothing is
/// failed, the pass stops and every delivery waits for an admin. 4xx replies and connection trouble
/// (refused, timeout, dropped, TLS) are transient. After any failure the connection is dropped, so the
/// next message starts from a clean session.
/// </summary>
internal sealed partial class SmtpChannel(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, string envelopeRecipient, CancellationToken cancellation)
    {
        SmtpClient client;
        try
        {
            if (await ConnectedClient(cancellation) is not { } connected)
            {
                await Drop();
                return DeliveryOutcome.Misconfigured(
                    $"The connection to the SMTP server {options.Host}:{options.Port} is not encrypted, so ReportEngine does not log in as {options.UserName} "
                    + "(the password would cross the network in the clear). Use Smtp:Security StartTls or Tls, or set Smtp:AllowPlaintextLogin to true for a relay on loopback.");
            }

            client = connected;
        }
        catch (Exception e) when (e is SmtpCommandException or AuthenticationException)
        {
            await Drop();
            return ConnectionRefused(e);
        }
        catch (Exception e) when (IsConnectionTrouble(e))
        {
            await Drop();
            return Unreachable(e);
        }

        try
        {
            await client.SendAsync(message, MailboxAddress.Parse(options.From), [MailboxAddress.Parse(envelopeRecipient)], cancellation);
            return DeliveryOutcome.Sent;
        }
        catch (SmtpCommandException e)
        {
            await Drop();
            var reply = Reply(e);
            // 552 (also as the reply to MAIL FROM with SIZE=) is this message's size, not our configuration.
            var aboutThisMessage = e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted
                || e.StatusCode == SmtpStatusCode.ExceededStorageAllocation;
            if (IsPolicy(e) || ((int)e.StatusCode >= 500 && !aboutThisMessage))
            {
                return DeliveryOutcome.Misconfigured(
                    $"The server refused {Describe(e.ErrorCode)}: {reply}. This is a problem of the SMTP settings or the server's configuration "
                    + $"(sender {options.From}), not of this delivery: every e-mail waits until it is fixed.");
            }

            return (int)e.StatusCode >= 500
                ? DeliveryOutcome.Refused($"The server refused {Describe(e.ErrorCode)}: {reply}")
                : DeliveryOutcome.Transient($"The server deferred {Describe(e.ErrorCode)}: {reply}");
        }
        catch (ParseException e)
        {
            await Drop();
            return DeliveryOutcome.Refused($"\"{envelopeRecipient}\" is not an e-mail address: {e.Message}");
        }
        catch (Exception e) when (IsConnectionTrouble(e))
        {
            await Drop();
            return Unreachable(e);
        }
    }

    /// <summary>The server (or the settings) will not let us in: a 5xx greeting or login reply, a 5.7.x, a login over plain text.</summary>
    private DeliveryOutcome ConnectionRefused(Exception e)
    {
        var command = e as SmtpCommandException ?? e.InnerException as SmtpCommandException;
        if (command is not null && (int)command.StatusCode < 500 && !IsPolicy(command))
        {
            return Unreachable(e);
        }

        var what = e is AuthenticationException ? $"the login of {options.UserName}" : "the connection";
        var reply = command is null ? e.Message : Reply(command);
        return DeliveryOutcome.Misconfigured(string.Create(CultureInfo.InvariantCulture,
            $"The SMTP server {options.Host}:{options.Port} refused {what}: {reply}. Every e-mail waits until the SMTP settings or the server's configuration are fixed."));
    }

    private DeliveryOutcome Unreachable(Exception e)
    {
        // NotSupportedException: the server offers no STARTTLS (or no login) while the settings ask for it.
        var what = e is AuthenticationException ? "could not log in to" : "could not talk to";
        return DeliveryOutcome.Transient(
            string.Create(CultureInfo.InvariantCulture, $"ReportEngine {what} the SMTP server {options.Host}:{options.Port} ({e.GetType().Name}: {e.Message})"),
            connectionLost: true);
    }

    private static bool IsConnectionTrouble(Exception e) =>
        e is SocketException or IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or SslHandshakeException or AuthenticationException or OperationCanceledException or NotSupportedException;

    /// <summary>A 5.7.x enhanced status code (RFC 3463: security or policy), whatever the command it answered.</summary>
    private static bool IsPolicy(SmtpCommandException e) => (int)e.StatusCode >= 500 && PolicyCode().IsMatch(e.Message);

    private static string Reply(SmtpCommandException e) => string.Create(CultureInfo.InvariantCulture, $"{(int)e.StatusCode} {e.Message}");

    [GeneratedRegex(@"^\s*5\.7\.\d{1,3}(?![\d.])")]
    private static partial Regex PolicyCode();

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

    /// <summary>The session, logged in if the settings say so; null when logging in would send the password unencrypted.</summary>
    private async Task<SmtpClient?> ConnectedClient(CancellationToken cancellation)
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
        if (options.LogsIn)
        {
            if (!_client.IsEncrypted && !options.AllowPlaintextLogin)
            {
                return null; // the settings forbid it (Smtp:AllowPlaintextLogin), whatever the server offers
            }

            await _client.AuthenticateAsync(options.UserName!, options.ReadPassword() ?? "", cancellation);
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

