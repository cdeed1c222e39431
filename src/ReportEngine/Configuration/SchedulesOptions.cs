using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Schedules: the file that declares what the worker runs, and how often it is re-read.</summary>
public sealed class SchedulesOptions
{
    public const string Section = "Schedules";

    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>The schedules file (YAML); relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "config/schedules.yaml";

    /// <summary>How often the worker checks the file for edits.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time zone of a schedule that names none (IANA id).</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;
}

internal sealed class SchedulesOptionsValidator : IValidateOptions<SchedulesOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulesOptions options)
    {
        var problems = new[]
        {
            SettingChecks.Path($"{SchedulesOptions.Section}:Path", options.Path),
            SettingChecks.Between($"{SchedulesOptions.Section}:ReloadInterval", options.ReloadInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            SettingChecks.TimeZone($"{SchedulesOptions.Section}:TimeZone", options.TimeZone),
        }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
