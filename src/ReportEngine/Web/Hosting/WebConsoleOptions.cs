using Microsoft.Extensions.Options;

namespace ReportEngine.Web.Hosting;

/// <summary>Web: the console and API that `serve` hosts beside the worker.</summary>
public sealed class WebConsoleOptions
{
    public const string Section = "Web";

    /// <summary>Off: `serve` runs the worker alone, as before the console existed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens, ';'-separated. Loopback by default: a reverse proxy publishes it, if anything.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Wrong passwords in a row before an account is locked (Identity's lockout).</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>POST /login attempts per remote address per minute, whatever the account: slows guessing across accounts.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a login lasts without activity.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(8);
}

internal sealed class WebConsoleOptionsValidator : IValidateOptions<WebConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, WebConsoleOptions options)
    {
        var failures = new List<string>();
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // TLS belongs to the reverse proxy that publishes the console (it holds the certificate); Kestrel speaks http.
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
            {
                failures.Add($"The setting {WebConsoleOptions.Section}:Urls holds \"{url}\", which is not an http:// address (put TLS in a reverse proxy in front).");
            }
        }

        if (options.MaxFailedLogins is < 1 or > 100)
        {
            failures.Add($"The setting {WebConsoleOptions.Section}:MaxFailedLogins must be from 1 to 100; it is {options.MaxFailedLogins}.");
        }

        if (options.LockoutDuration <= TimeSpan.Zero)
        {
            failures.Add($"The setting {WebConsoleOptions.Section}:LockoutDuration must be positive; it is {options.LockoutDuration}.");
        }

        if (options.LoginAttemptsPerMinute < 1)
        {
            failures.Add($"The setting {WebConsoleOptions.Section}:LoginAttemptsPerMinute must be at least 1; it is {options.LoginAttemptsPerMinute}.");
        }

        if (options.SessionTimeout <= TimeSpan.Zero)
        {
            failures.Add($"The setting {WebConsoleOptions.Section}:SessionTimeout must be positive; it is {options.SessionTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
