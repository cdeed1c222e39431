using System.Globalization;

namespace ReportEngine.Data.Demo;

/// <summary>
/// The dates the demo dataset is built around. Dates are stored as yyyy-MM-dd text and handled
/// here as day numbers, with the text cached because formatting ~500,000 dates would dominate
/// the generation time.
/// </summary>
internal static class DemoCalendar
{
    /// <summary>The reference report: the province's figures "by the end of August 2024".</summary>
    public static readonly DateOnly AsOf2024 = new(2024, 8, 31);

    /// <summary>The same figures a year earlier, for year-on-year change.</summary>
    public static readonly DateOnly AsOf2023 = new(2023, 8, 31);

    /// <summary>Two-level local government: districts abolished, Bình Thuận merged into Lâm Đồng.</summary>
    public static readonly DateOnly Reform2025 = new(2025, 7, 1);

    /// <summary>Activities cover two assessment years, 1 Sep 2022 – 31 Aug 2024.</summary>
    public static readonly DateOnly ActivitiesFrom = new(2022, 9, 1);

    private static readonly DateOnly First = new(1975, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);
    private static readonly string[] Texts = BuildTexts();

    public static string Text(DateOnly date) => Text(date.DayNumber);

    public static string Text(int dayNumber) => Texts[dayNumber - First.DayNumber];

    /// <summary>A uniformly random day in [from, to], both inclusive.</summary>
    public static int Between(Random random, int fromDay, int toDay) => random.Next(fromDay, toDay + 1);

    private static string[] BuildTexts()
    {
        var texts = new string[Last.DayNumber - First.DayNumber + 1];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = First.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
