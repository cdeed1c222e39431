using System.Globalization;
using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Delivery: how the outbox retries, and how often the worker looks at it.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts after which a delivery failing for transient reasons is given up (status dead).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to MaxRetryDelay.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the worker sends the deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A claim is taken over when its sender's heartbeat is older than this (the sender died or stalled);
    /// a sender whose heartbeat is fresh keeps its claims. Must exceed Smtp:TimeoutSeconds plus HeartbeatInterval.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a sender writes its heartbeat while it works.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <param name="smtp">The SMTP settings, for the claim timeout's lower bound (their own validator checks them).</param>
internal sealed class DeliveryOptionsValidator(Func<SmtpOptions> smtp) : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var smtpTimeout = TimeSpan.FromSeconds(smtp().TimeoutSeconds);
        const string s = DeliveryOptions.Section;
        var problems = new[]
        {
            options.MaxAttempts is < 1 or > 100 ? $"The setting {s}:MaxAttempts must be from 1 to 100; it is {options.MaxAttempts}." : null,
            SettingChecks.Between($"{s}:FirstRetryDelay", options.FirstRetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1)),
            SettingChecks.Between($"{s}:MaxRetryDelay", options.MaxRetryDelay, options.FirstRetryDelay, TimeSpan.FromDays(7)),
            SettingChecks.Between($"{s}:PollInterval", options.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
            SettingChecks.Between($"{s}:ClaimTimeout", options.ClaimTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            SettingChecks.Between($"{s}:HeartbeatInterval", options.HeartbeatInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)),
            // A sender busy in one SMTP operation for the whole timeout, whose heartbeat is one interval old, is alive.
            options.ClaimTimeout <= smtpTimeout + options.HeartbeatInterval
                ? string.Create(CultureInfo.InvariantCulture,
                    $"The setting {s}:ClaimTimeout ({options.ClaimTimeout:c}) must exceed {SmtpOptions.Section}:TimeoutSeconds ({smtpTimeout:c}) plus {s}:HeartbeatInterval ({options.HeartbeatInterval:c}), or a live sender's claim could be taken over and its message sent twice.")
                : null,
        }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
