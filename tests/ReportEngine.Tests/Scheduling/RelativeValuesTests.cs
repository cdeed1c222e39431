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
