namespace ReportEngine.Scheduling;

/// <summary>config/schedules.yaml: named holiday calendars and the schedules.</summary>
public sealed class ScheduleFile
{
    public Dictionary<string, CalendarDefinition> Calendars { get; set; } = [];

    public List<ScheduleDefinition> Schedules { get; set; } = [];
}

/// <summary>Days on which scheduled reports do not run: listed holidays and the weekend.</summary>
public sealed class CalendarDefinition
{
    /// <summary>Dates written yyyy-MM-dd.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Days of the week that are not working days (monday … sunday); saturday and sunday when absent.</summary>
    public List<string>? Weekend { get; set; }
}

/// <summary>One schedule: which report, with which parameters, when, and what to do about holidays and misses.</summary>
public sealed class ScheduleDefinition
{
    public string Id { get; set; } = "";

    public string Template { get; set; } = "";

    public string Language { get; set; } = "vi";

    /// <summary>Parameter values; a value may be relative to the firing: previous-year, current-year, today, yesterday.</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>Quartz cron: seconds minutes hours day-of-month month day-of-week [year].</summary>
    public string Cron { get; set; } = "";

    /// <summary>IANA time zone the cron is read in; the file's default (Asia/Ho_Chi_Minh) when absent.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Name of a calendar under calendars:, or none.</summary>
    public string? Calendar { get; set; }

    /// <summary>What a firing on a non-working day does: skip (default) or next-working-day.</summary>
    public string OnHoliday { get; set; } = HolidayPolicy.Skip;

    /// <summary>What firings missed while the worker was down do: run-once (default), skip, or run-all.</summary>
    public string Misfire { get; set; } = MisfirePolicy.RunOnce;

    /// <summary>
    /// True: the report runs even when its as_of is after the date the data runs to (the last
    /// import), and its cover says the figures are partial. False (default): such a run fails.
    /// </summary>
    public bool AllowPartial { get; set; }

    /// <summary>Not used: distribution goes to committees (see Committees) and their recipients.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>
    /// A burst: one report per committee of this level (province, district, commune) or of these
    /// comma-separated codes, for the committee's locality and in its language, delivered to it.
    /// </summary>
    public string? Committees { get; set; }

    /// <summary>
    /// A key written with nothing after it (`cron:`) or with ~ is read as null, whatever the property's
    /// type says: such values become the defaults' empty forms, which the checks then refuse by name.
    /// </summary>
    internal void FillNulls()
    {
        Id ??= "";
        Template ??= "";
        Language ??= "";
        Cron ??= "";
        OnHoliday ??= "";
        Misfire ??= "";
        Recipients ??= [];
        Parameters = Parameters is null ? [] : Parameters.ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);
    }
}

public static class HolidayPolicy
{
    public const string Skip = "skip";
    public const string NextWorkingDay = "next-working-day";
}

public static class MisfirePolicy
{
    public const string RunOnce = "run-once";
    public const string Skip = "skip";
    public const string RunAll = "run-all";
}
