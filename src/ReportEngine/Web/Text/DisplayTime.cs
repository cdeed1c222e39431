using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ReportEngine.Web.Text;

/// <summary>
/// An instant as a person reads it: in Display:TimeZone (default Asia/Ho_Chi_Minh) with its offset,
/// "2026-09-05 08:00 +07:00". Stored times stay UTC.
/// </summary>
public sealed class DisplayTime(TimeZoneInfo zone)
{
    public const string Setting = "Display:TimeZone";
    public const string DefaultZone = "Asia/Ho_Chi_Minh";

    public TimeZoneInfo Zone { get; } = zone;

    public static DisplayTime From(IConfiguration configuration)
    {
        var id = configuration[Setting];
        try
        {
            return new DisplayTime(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id));
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ReportEngineException($"The setting {Setting} names \"{id}\", which is not a time zone (use an IANA name such as {DefaultZone}).", e);
        }
    }

    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : "";
}
