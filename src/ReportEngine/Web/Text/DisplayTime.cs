using Microsoft.Extensions.Configuration;
using ReportEngine.Configuration;

namespace ReportEngine.Web.Text;

/// <summary>
/// An instant as a person reads it in the console and the account verbs: Display:TimeZone (checked like
/// every setting, default Asia/Ho_Chi_Minh) with its offset, as <see cref="PersonTime"/> writes it for
/// `runs list`, so the console and the command line never show one instant two ways. Stored times stay UTC.
/// </summary>
public sealed class DisplayTime(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static DisplayTime From(IConfiguration configuration) =>
        new(OptionsReader.Read(configuration, DisplayOptions.Section, new DisplayOptionsValidator()).Zone);

    public string Format(DateTimeOffset instant) => PersonTime.Format(instant, Zone);

    public string Format(DateTimeOffset? instant) => instant is { } value ? Format(value) : "";
}
