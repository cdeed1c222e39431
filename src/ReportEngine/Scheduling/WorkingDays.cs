using System.Globalization;

namespace ReportEngine.Scheduling;

/// <summary>A calendar read and checked: which days are working days.</summary>
public sealed record WorkingDays(IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DayOfWeek> Weekend)
{
    public bool IsWorkingDay(DateOnly day) => !Weekend.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>The first working day after the given one (at most a year ahead).</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        for (var next = day.AddDays(1); next <= day.AddYears(1); next = next.AddDays(1))
        {
            if (IsWorkingDay(next))
            {
                return next;
            }
        }

        throw new ReportEngineException($"The calendar has no working day in the year after {day:yyyy-MM-dd}.");
    }

    /// <summary>Reads a calendar; problems are returned, each naming the calendar and the bad value.</summary>
    public static WorkingDays Read(string name, CalendarDefinition definition, List<string> problems)
    {
        var holidays = new HashSet<DateOnly>();
        foreach (var text in definition.Holidays ?? [])
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                holidays.Add(day);
            }
            else
            {
                problems.Add($"calendar \"{name}\": the holiday \"{text}\" is not a date written yyyy-MM-dd");
            }
        }

        var weekend = new HashSet<DayOfWeek>();
        foreach (var text in definition.Weekend ?? ["saturday", "sunday"])
        {
            if (Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var dayOfWeek) && Enum.IsDefined(dayOfWeek) && !int.TryParse(text, out _))
            {
                weekend.Add(dayOfWeek);
            }
            else
            {
                problems.Add($"calendar \"{name}\": \"{text}\" is not a day of the week (monday … sunday)");
            }
        }

        return new WorkingDays(holidays, weekend);
    }
}
