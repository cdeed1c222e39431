using ReportEngine.Scheduling;

namespace ReportEngine.Tests.Scheduling;

public class WorkingDaysTests
{
    [Fact]
    public void The_next_working_day_skips_holidays_and_the_weekend()
    {
        var problems = new List<string>();
        // National Day 2026: Wednesday 2 September; 1 September is the day off bridged to it.
        var calendar = WorkingDays.Read("vn", new CalendarDefinition { Holidays = ["2026-09-01", "2026-09-02"] }, problems);

        Assert.Empty(problems);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 2)));
        Assert.Equal(new DateOnly(2026, 9, 3), calendar.NextWorkingDay(new DateOnly(2026, 8, 31)));
        Assert.Equal(new DateOnly(2026, 9, 7), calendar.NextWorkingDay(new DateOnly(2026, 9, 4)));
    }

    [Fact]
    public void A_bad_holiday_or_weekday_is_reported_with_the_calendar_name()
    {
        var problems = new List<string>();

        WorkingDays.Read("vn", new CalendarDefinition { Holidays = ["2026-02-30"], Weekend = ["sunday", "funday"] }, problems);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("calendar \"vn\"", p, StringComparison.Ordinal));
    }
}
