using ReportEngine.Scheduling;

namespace ReportEngine.Tests.Scheduling;

public class RelativeValuesTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public void Relative_values_are_read_at_the_firing_in_the_schedules_time_zone()
    {
        // 31 December 2024, 18:00 UTC is already 1 January 2025 in Vietnam.
        var firing = new DateTimeOffset(2024, 12, 31, 18, 0, 0, TimeSpan.Zero);
        var given = new Dictionary<string, string>
        {
            ["year"] = "previous-year",
            ["current"] = "current-year",
            ["day"] = "today",
            ["before"] = "yesterday",
            ["locality"] = "binh-thuan",
        };

        var values = RelativeValues.Resolve(given, firing, Vietnam);

        Assert.Equal("2024", values["year"]);
        Assert.Equal("2025", values["current"]);
        Assert.Equal("2025-01-01", values["day"]);
        Assert.Equal("2024-12-31", values["before"]);
        Assert.Equal("binh-thuan", values["locality"]);
    }
}

public class LastClosedYearTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData(2026, 9, 5, 2026)]   // the shipped schedules fire on 5 September: the year that just closed
    [InlineData(2026, 8, 31, 2025)]  // on 31 August N itself, year N has not closed yet
    [InlineData(2026, 9, 1, 2026)]
    [InlineData(2027, 1, 15, 2026)]
    public void The_last_closed_year_is_the_latest_whose_31_August_has_passed(int year, int month, int day, int expected) =>
        Assert.Equal(expected, ReportEngine.Templates.AssessmentYear.LastClosed(new DateOnly(year, month, day)));

    [Fact]
    public void A_schedule_firing_on_5_September_2026_in_Vietnam_asks_for_2026()
    {
        // 07:00 on 5 September 2026 in Vietnam is 00:00 UTC.
        var firing = new DateTimeOffset(2026, 9, 5, 0, 0, 0, TimeSpan.Zero);
        var values = RelativeValues.Resolve(new Dictionary<string, string> { ["year"] = "last-closed-year" }, firing, Vietnam);
        Assert.Equal("2026", values["year"]);

        // 31 August 2026, 17:30 UTC is already 1 September in Vietnam: the year has closed there.
        var lateEvening = RelativeValues.Resolve(new Dictionary<string, string> { ["year"] = "last-closed-year" }, new DateTimeOffset(2026, 8, 31, 17, 30, 0, TimeSpan.Zero), Vietnam);
        Assert.Equal("2026", lateEvening["year"]);
    }

    [Fact]
    public void The_schedule_path_records_the_year_and_partial_permission_of_a_5_September_2026_firing()
    {
        var schedule = new ScheduledReport("s", "annual-assessment", "vi", new Dictionary<string, string> { ["year"] = "last-closed-year", ["locality"] = "lam-dong" },
            "Asia/Ho_Chi_Minh", HolidayPolicy.Skip, null, null, null, AllowPartial: true);
        var values = ScheduledReport.FromJson(schedule.ToJson()).ParametersAt(new DateTimeOffset(2026, 9, 5, 0, 0, 0, TimeSpan.Zero), Vietnam);
        Assert.Equal("2026", values["year"]);
        Assert.Equal("true", values["allow_partial"]);
    }
}
