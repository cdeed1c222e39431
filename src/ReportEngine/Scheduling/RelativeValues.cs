using System.Globalization;

namespace ReportEngine.Scheduling;

/// <summary>
/// Parameter values in a schedule that are relative to the firing: last-closed-year (the latest
/// assessment year whose 31 August has passed: a firing on 5 September 2026 gives 2026, one on
/// 31 August 2026 gives 2025), previous-year, current-year, today, yesterday. They are read against the scheduled fire time in the schedule's time zone
/// (not the clock), so a firing that runs late or is recovered after a crash asks for the same report.
/// </summary>
public static class RelativeValues
{
    public static IReadOnlyDictionary<string, string> Resolve(IReadOnlyDictionary<string, string> values, DateTimeOffset firing, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(firing, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        return values.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Trim() switch
            {
                "last-closed-year" => Templates.AssessmentYear.LastClosed(today).ToString(CultureInfo.InvariantCulture),
                "previous-year" => (today.Year - 1).ToString(CultureInfo.InvariantCulture),
                "current-year" => today.Year.ToString(CultureInfo.InvariantCulture),
                "today" => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "yesterday" => today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var value => value,
            },
            StringComparer.Ordinal);
    }
}
