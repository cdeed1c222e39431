using System.Globalization;

namespace ReportEngine.Configuration;

/// <summary>Checks shared by the options validators; each problem names the setting's key.</summary>
internal static class SettingChecks
{
    public static string? Path(string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"The setting {key} must name a path; it is empty."
        : value.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 ? $"The setting {key} (\"{value}\") contains characters a path cannot hold."
        : null;

    public static string? Between(string key, TimeSpan value, TimeSpan minimum, TimeSpan maximum) =>
        value < minimum || value > maximum
            ? string.Create(CultureInfo.InvariantCulture, $"The setting {key} must be from {minimum:c} to {maximum:c}; it is {value:c}.")
            : null;

    public static string? TimeZone(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"The setting {key} must name a time zone, e.g. {SchedulesOptions.DefaultTimeZone}; it is empty.";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(value, out _)
            ? null
            : $"The setting {key} names the time zone \"{value}\", which this machine does not know (use an IANA id such as {SchedulesOptions.DefaultTimeZone}).";
    }
}
