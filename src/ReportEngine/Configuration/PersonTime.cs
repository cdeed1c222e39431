using System.Globalization;

namespace ReportEngine.Configuration;

/// <summary>
/// A time as a person reads it: in a zone, with its offset, to the minute ("2026-09-05 08:00 +07:00"),
/// or to the second when it has seconds (a test schedule's firing). It parses back to the same instant.
/// </summary>
public static class PersonTime
{
    public static string Format(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return local.ToString(local.Second == 0 && local.Millisecond == 0 ? "yyyy-MM-dd HH:mm zzz" : "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A stored UTC time (runs.queued_at and the like); null stays null.</summary>
    public static string? Format(string? storedUtc, TimeZoneInfo zone) =>
        storedUtc is null ? null : Format(DateTimeOffset.Parse(storedUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), zone);
}
