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
    string? Committees = null)
{
    public static ScheduledReport From(CheckedSchedule schedule)
    {
        var d = schedule.Definition;
        return new ScheduledReport(d.Id, d.Template, d.Language, d.Parameters, schedule.Zone.Id, d.OnHoliday,
            schedule.Calendar?.Holidays.Order().ToList(), schedule.Calendar?.Weekend.Order().ToList(), d.Committees);
    }

    public WorkingDays? Calendar => Holidays is null || Weekend is null ? null : new WorkingDays(Holidays.ToHashSet(), Weekend.ToHashSet());

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ScheduledReport FromJson(string json) =>
        JsonSerializer.Deserialize<ScheduledReport>(json) ?? throw new InvalidOperationException("Empty schedule data in the job store.");
}
