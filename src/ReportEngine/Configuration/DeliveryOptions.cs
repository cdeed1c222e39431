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
    /// A delivery claimed by a sender on another machine for longer than this is taken over (a claim
    /// by a dead process on this machine is taken over at once). Keep it above Smtp:TimeoutSeconds.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        const string s = DeliveryOptions.Section;
        var problems = new[]
        {
            options.MaxAttempts is < 1 or > 100 ? $"The setting {s}:MaxAttempts must be from 1 to 100; it is {options.MaxAttempts}." : null,
            SettingChecks.Between($"{s}:FirstRetryDelay", options.FirstRetryDelay, TimeSpan.Zero, TimeSpan.FromDays(1)),
            SettingChecks.Between($"{s}:MaxRetryDelay", options.MaxRetryDelay, options.FirstRetryDelay, TimeSpan.FromDays(7)),
            SettingChecks.Between($"{s}:PollInterval", options.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
            SettingChecks.Between($"{s}:ClaimTimeout", options.ClaimTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
