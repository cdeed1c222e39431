using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Display: how times are shown to people (stored times stay UTC).</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";

    /// <summary>
    /// The zone every time shown to a person is in (`runs list`, `runs show`, the console), with its offset;
    /// a schedule's times are shown in the schedule's own zone instead. An IANA id.
    /// </summary>
    public string TimeZone { get; set; } = SchedulesOptions.DefaultTimeZone;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

internal sealed class DisplayOptionsValidator : IValidateOptions<DisplayOptions>
{
    public ValidateOptionsResult Validate(string? name, DisplayOptions options) =>
        SettingChecks.TimeZone($"{DisplayOptions.Section}:TimeZone", options.TimeZone) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
