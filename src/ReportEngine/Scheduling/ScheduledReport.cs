using System.Text.Json;

namespace ReportEngine.Scheduling;

/// <summary>
/// What a schedule's job needs at fire time, kept in the job's data in the Quartz store (as JSON),
/// so a firing recovered after a crash runs what was scheduled even before the file is read again.
/// </summary>
public sealed record ScheduledReport(
    string Id,
    string Template,
    string Language,
    IReadOnlyDictionary<string, string> Parameters,
    string TimeZone,
    string OnHoliday,
    IReadOnlyList<DateOnly>? Holidays,
    IReadOnlyList<DayOfWeek>? Weekend,
    string? Committees = null,
    bool AllowPartial = false)
{
    public static ScheduledReport From(CheckedSchedule schedule)
    {
        var d = schedule.Definition;
        return new ScheduledReport(d.Id, d.Template, d.Language, d.Parameters, schedule.Zone.Id, d.OnHoliday,
            schedule.Calendar?.Holidays.Order().ToList(), schedule.Calendar?.Weekend.Order().ToList(), d.Committees, d.AllowPartial);
    }

    /// <summary>The parameters a firing asks for: relative values read at the firing, and allow_partial when the schedule allows it.</summary>
    public IReadOnlyDictionary<string, string> ParametersAt(DateTimeOffset firing, TimeZoneInfo zone)
    {
        var values = new Dictionary<string, string>(RelativeValues.Resolve(Parameters, firing, zone), StringComparer.Ordinal);
        if (AllowPartial)
        {
            values[Templates.EngineValues.AllowPartial] = "true";
        }

        return values;
    }

    public WorkingDays? Calendar => Holidays is null || Weekend is null ? null : new WorkingDays(Holidays.ToHashSet(), Weekend.ToHashSet());

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ScheduledReport FromJson(string json) =>
        JsonSerializer.Deserialize<ScheduledReport>(json) ?? throw new InvalidOperationException("Empty schedule data in the job store.");
}
