using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReportEngine.Configuration;

/// <summary>
/// Smtp: the server e-mail deliveries go through. With no Host, e-mail is off: its deliveries stay
/// pending (and say why) until a host is configured. The password comes from the environment
/// (Smtp__Password) or from PasswordFile, never from appsettings.json (refused at start), and is never logged.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    /// <summary>Set through the environment only (Smtp__Password); PasswordFile is preferred.</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password (e.g. a systemd credential or a mounted secret), trailing newline ignored.</summary>
    public string? PasswordFile { get; set; }

    public string From { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Allows logging in over a connection that is not encrypted (Security None): only for a relay on loopback or a trusted network.</summary>
    public bool AllowPlaintextLogin { get; set; }

    public bool LogsIn => !string.IsNullOrEmpty(UserName);

    /// <summary>A PDF larger than this is not sent: its delivery fails, saying so.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The password, read when needed so a rotated secret file is picked up.</summary>
    public string? ReadPassword() =>
        !string.IsNullOrEmpty(PasswordFile) ? File.ReadAllText(PasswordFile).TrimEnd('\r', '\n') : Password;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port} ({Security}) as {UserName ?? "anonymous"}, from {From}");
}

public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only on a trusted network or loopback.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,
}

/// <param name="configuration">The configuration the options come from, searched for a password kept in a settings file.</param>
internal sealed class SmtpOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        const string s = SmtpOptions.Section;
        if (configuration is not null && SettingsFiles.Holding(configuration, $"{s}:Password") is { } file)
        {
            // Refused even with e-mail off: the file is shared, copied and backed up with the secret in it.
            return ValidateOptionsResult.Fail(
                $"The setting {s}:Password is in {file}: a password must not be kept in a settings file. Remove it from there and set "
                + $"the environment variable {s}__Password, or better name a file holding it with {s}:PasswordFile (e.g. a systemd credential).");
        }

        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new[]
        {
            options.Port is < 1 or > 65535 ? $"The setting {s}:Port must be from 1 to 65535; it is {options.Port}." : null,
            !Enum.IsDefined(options.Security) ? $"The setting {s}:Security must be None, StartTls or Tls." : null,
            !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal)
                ? $"The setting {s}:From must be an e-mail address (e.g. \"Ban Dân vận <reports@example.org>\"); it is \"{options.From}\"."
                : null,
            options.TimeoutSeconds is < 1 or > 600 ? $"The setting {s}:TimeoutSeconds must be from 1 to 600; it is {options.TimeoutSeconds}." : null,
            options.MaxAttachmentBytes < 1 ? $"The setting {s}:MaxAttachmentBytes must be positive; it is {options.MaxAttachmentBytes}." : null,
            options.LogsIn && options.Security == SmtpSecurity.None && !options.AllowPlaintextLogin
                ? $"The setting {s}:UserName asks to log in, but {s}:Security is None: the password would cross the network unencrypted. "
                  + $"Use StartTls or Tls, or set {s}:AllowPlaintextLogin to true for a relay on loopback or a trusted network."
                : null,
            !string.IsNullOrEmpty(options.PasswordFile) && !File.Exists(options.PasswordFile)
                ? $"The setting {s}:PasswordFile names \"{options.PasswordFile}\", which does not exist."
                : null,
        }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
