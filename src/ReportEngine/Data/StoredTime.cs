using System.Globalization;

namespace ReportEngine.Data;

/// <summary>
/// An instant as every table stores it: UTC, ISO 8601 with milliseconds and a Z, so that text order is
/// time order in SQLite and PostgreSQL alike.
/// </summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
