using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ReportEngine.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd with its Mailbox handler, writing each message
/// it accepts into a Maildir (a file in MAILDIR/new with X-MailFrom and X-RcptTo headers). It can be
/// stopped and started again on the same port, can reply as a <see cref="SmtpScript"/> says (a chosen
/// reply to AUTH, MAIL FROM or a recipient, delays before replies) and can limit the message size (-s).
/// Disposing stops it.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    // Replies as the test's script says (script.json): a chosen reply to AUTH (advertised over plain text,
    // as a relay on loopback may), to MAIL FROM, to chosen recipients at RCPT, and delays before replying to
    // MAIL, RCPT or DATA; refuses chosen recipients the first time only (RcptOnce); stores everything it accepts like Mailbox.
    private const string ScriptedHandler = """
        import asyncio, json
        from aiosmtpd.handlers import Mailbox

        class ScriptedMailbox(Mailbox):
            def __init__(self, mail_dir, script):
                super().__init__(mail_dir)
                with open(script) as f:
                    self.script = json.load(f)
                self.refused_once = set()

            async def delay(self, verb):
                seconds = (self.script.get('Delays') or {}).get(verb)
                if seconds:
                    await asyncio.sleep(seconds)

            async def handle_EHLO(self, server, session, envelope, hostname, responses):
                session.host_name = hostname
                if self.script.get('Auth'):
                    server._auth_require_tls = False
                    responses.insert(len(responses) - 1, '250-AUTH LOGIN PLAIN')
                return responses

            async def handle_AUTH(self, server, session, envelope, args):
                reply = self.script['Auth']
                if reply.startswith('235'):
                    session.authenticated = True
                return reply

            async def handle_MAIL(self, server, session, envelope, address, mail_options):
                await self.delay('MAIL')
                if self.script.get('Mail'):
                    return self.script['Mail']
                envelope.mail_from = address
                envelope.mail_options.extend(mail_options)
                return '250 OK'

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                await self.delay('RCPT')
                once = (self.script.get('RcptOnce') or {}).get(address.lower())
                if once and address.lower() not in self.refused_once:
                    self.refused_once.add(address.lower())
                    return once
                reply = (self.script.get('Rcpt') or {}).get(address.lower())
                if reply:
                    return reply
                envelope.rcpt_tos.append(address)
                return '250 OK'

            async def handle_DATA(self, server, session, envelope):
                await self.delay('DATA')
                return await super().handle_DATA(server, session, envelope)

            @classmethod
            def from_cli(cls, parser, *args):
                if len(args) != 2:
                    parser.error('ScriptedMailbox needs MAILDIR and SCRIPT')
                return cls(args[0], args[1])
        """;

    private readonly string _folder;
    private readonly SmtpScript? _script;
    private readonly long? _sizeLimit;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();
    private Process? _process;

    private SmtpServer(string folder, SmtpScript? script, long? sizeLimit)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        _script = script;
        _sizeLimit = sizeLimit;
        Port = FreePort();
    }

    public int Port { get; }

    public string Maildir => Path.Combine(_folder, "maildir");

    /// <summary>The settings that point ReportEngine at this server, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp__Security"] = "None",
        ["Smtp__From"] = "Ban Dân vận <reports@example.org>",
        ["Smtp__TimeoutSeconds"] = "10",
    };

    public static async Task<SmtpServer> Start(string folder, string? rejectRecipient = null, long? sizeLimit = null, SmtpScript? script = null)
    {
        if (rejectRecipient is not null)
        {
            script ??= new SmtpScript();
            script.Rcpt[rejectRecipient.ToLowerInvariant()] = $"550 5.1.1 <{rejectRecipient}>: Recipient address rejected: mailbox unavailable";
        }

        var server = new SmtpServer(folder, script, sizeLimit);
        await server.StartAgain();
        return server;
    }

    /// <summary>A server that is not running (yet): its port is free, so connecting is refused.</summary>
    public static SmtpServer Down(string folder) => new(folder, null, null);

    public async Task StartAgain()
    {
        // Mailbox creates the Maildir (new/, cur/, tmp/) only when the folder does not exist yet.
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-m");
        start.ArgumentList.Add("aiosmtpd");
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add("-l");
        start.ArgumentList.Add($"127.0.0.1:{Port}");
        if (_sizeLimit is { } limit)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        start.ArgumentList.Add("-c");
        if (_script is null)
        {
            start.ArgumentList.Add("aiosmtpd.handlers.Mailbox");
            start.ArgumentList.Add(Maildir);
        }
        else
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, "scripted.py"), ScriptedHandler);
            await File.WriteAllTextAsync(Path.Combine(_folder, "script.json"), System.Text.Json.JsonSerializer.Serialize(_script));
            start.Environment["PYTHONPATH"] = _folder;
            start.ArgumentList.Add("scripted.ScriptedMailbox");
            start.ArgumentList.Add(Maildir);
            start.ArgumentList.Add(Path.Combine(_folder, "script.json"));
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.ErrorDataReceived += (_, e) => _errors.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.Until(() => _process.HasExited ? throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}: {string.Join("\n", _errors)}") : Accepts(),
            TimeSpan.FromSeconds(20), () => $"aiosmtpd on port {Port} never accepted a connection");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message the server accepted so far, with the envelope recipient it was accepted for.</summary>
    public IReadOnlyList<ReceivedMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(file =>
            {
                var message = MimeMessage.Load(file);
                return new ReceivedMessage(message, message.Headers["X-RcptTo"] ?? "");
            }).ToList()
            : [];
    }

    public void Dispose() => Stop();

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>A message as the server stored it, and the one envelope recipient it was for.</summary>
public sealed record ReceivedMessage(MimeMessage Message, string EnvelopeRecipient)
{
    public string MessageId => Message.MessageId ?? "";

    public MimePart Pdf => Message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");

    public string SavePdf(string folder)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}-{Pdf.FileName}");
        using var stream = File.Create(path);
        Pdf.Content!.DecodeTo(stream);
        return path;
    }
}

/// <summary>Replies the scripted server gives instead of accepting: whole reply lines, e.g. "553 5.7.1 Sender not allowed".</summary>
public sealed class SmtpScript
{
    /// <summary>The reply to AUTH; when set, AUTH is offered over plain text.</summary>
    public string? Auth { get; set; }

    /// <summary>The reply to MAIL FROM.</summary>
    public string? Mail { get; set; }

    /// <summary>The reply to RCPT TO, by lower-case address.</summary>
    public Dictionary<string, string> Rcpt { get; init; } = [];

    /// <summary>The reply to the first RCPT TO of each of these lower-case addresses; later ones are accepted (a mailbox that was full, then emptied).</summary>
    public Dictionary<string, string> RcptOnce { get; init; } = [];

    /// <summary>Seconds to wait before replying to MAIL, RCPT or DATA.</summary>
    public Dictionary<string, double> Delays { get; init; } = [];
}
