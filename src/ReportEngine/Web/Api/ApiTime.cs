using System.Globalization;
using System.Text.RegularExpressions;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Api;

/// <summary>
/// Times in and out of the API as ISO 8601 with their offset, in Display:TimeZone (the zone people read):
/// "2026-09-05T08:00:00.000+07:00" names the instant exactly, as UTC would, and reads as local time.
/// </summary>
public sealed partial class ApiTime(DisplayTime display)
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    /// <summary>A stored (UTC) time as the API shows it; null stays null.</summary>
    public string? Show(string? stored) => stored is null
        ? null
        : TimeZoneInfo.ConvertTime(
            DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            display.Zone).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>
    /// A filter's bound: a day (yyyy-MM-dd, in the display zone; as an upper bound the whole day is included) or an
    /// instant with its offset. Null when absent; a <see cref="ReportEngineException"/> naming the parameter otherwise.
    /// </summary>
    public DateTimeOffset? Bound(string? value, string parameter, bool upper)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // An unencoded '+' of an offset arrives as a space.
        value = value.Trim().Replace(' ', '+');
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = (upper ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(midnight, display.Zone.GetUtcOffset(midnight));
        }

        if (HasOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        throw new ReportEngineException(
            $"Parameter \"{parameter}\" must be a day (2026-09-05) or a time with its offset (2026-09-05T08:00:00+07:00); got \"{value}\".");
    }

    [GeneratedRegex(@"T.*(Z|[+-]\d\d:?\d\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
