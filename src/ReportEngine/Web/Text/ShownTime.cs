using System.Globalization;

namespace ReportEngine.Web.Text;

/// <summary>Times as the tables store them (UTC text, see Data.StoredTime) as a person reads them, and days typed in filters as instants.</summary>
public static class ShownTime
{
    /// <summary>A stored time in the console's zone with its offset; "" for none, the text itself if it is not a time.</summary>
    public static string FormatStored(this DisplayTime time, string? stored)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrEmpty(stored))
        {
            return "";
        }

        return DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? time.Format(instant)
            : stored;
    }

    /// <summary>The instant a day starts in a zone (a date typed in a filter means that day there).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
