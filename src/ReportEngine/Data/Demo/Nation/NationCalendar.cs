using System.Globalization;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// The dates of the nation data as day numbers, and their text (yyyy-MM-dd) from a table made once:
/// fifteen million members need some forty million dates, which must not each be formatted anew.
/// The data covers three assessment years, 2024 to 2026 (each ending on 31 August), and runs on a
/// little past the last one.
/// </summary>
internal static class NationCalendar
{
    public static readonly int AsOf2023 = new DateOnly(2023, 8, 31).DayNumber;
    public static readonly int AsOf2025 = new DateOnly(2025, 8, 31).DayNumber;
    public static readonly int AsOf2026 = new DateOnly(2026, 8, 31).DayNumber;

    /// <summary>The last day of the data: members join and leave up to it, after the last report's date.</summary>
    public static readonly int End = new DateOnly(2026, 12, 31).DayNumber;

    /// <summary>The first day any row may carry.</summary>
    public static readonly int Start = new DateOnly(1940, 1, 1).DayNumber;

    private static readonly string[] Texts = Enumerable.Range(Start, End - Start + 1)
        .Select(day => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();

    public static string Text(int dayNumber) => Texts[dayNumber - Start];

    public static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;

    /// <summary>A day in [from, to], both included.</summary>
    public static int Between(Random random, int from, int to) => to <= from ? from : random.Next(from, to + 1);
}
