using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Quartz;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Templates;
using ReportEngine.Templates.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReportEngine.Scheduling;

/// <summary>A schedule that passed every check, ready to be given to Quartz.</summary>
public sealed record CheckedSchedule(ScheduleDefinition Definition, TimeZoneInfo Zone, WorkingDays? Calendar)
{
    /// <summary>What decides when the trigger fires; the trigger is kept (with its firing history) while this is unchanged.</summary>
    public string Fingerprint { get; } = Hash(JsonSerializer.Serialize(new
    {
        Definition.Cron,
        Zone = Zone.Id,
        Definition.Calendar,
        Definition.OnHoliday,
        Definition.Misfire,
        Holidays = Calendar?.Holidays.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        Weekend = Calendar?.Weekend.Order(),
    }));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>The schedules file as read: the schedules that can run, and a message for each that cannot.</summary>
public sealed record ScheduleSet(string File, IReadOnlyList<CheckedSchedule> Schedules, IReadOnlyList<string> Problems, string Content)
{
    /// <summary>Ids of the schedules in the file that failed a check: still declared, so their triggers are kept (paused).</summary>
    public IReadOnlyList<string> Failing { get; init; } = [];
}

/// <summary>
/// Reads config/schedules.yaml and checks each schedule on its own (template, parameters against the
/// database, cron, time zone, calendar, policies), so one bad schedule is reported and skipped
/// while the others run. A file that is not valid YAML is one error naming its line.
/// </summary>
public sealed partial class ScheduleLoader(string templatesRoot, string connectionString, string defaultTimeZone, TimeProvider clock, string? readerConnectionString = null)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .Build();

    public ScheduleSet Load(string file)
    {
        if (!File.Exists(file))
        {
            return new ScheduleSet(file, [], [], "");
        }

        var content = File.ReadAllText(file, Encoding.UTF8);
        using var reader = new StringReader(content);
        var parsed = PlainYaml.Deserialize<ScheduleFile?>(Yaml, file, reader) ?? new ScheduleFile();

        var problems = new List<string>();
        var calendars = new Dictionary<string, WorkingDays>(StringComparer.Ordinal);
        foreach (var (name, definition) in parsed.Calendars ?? [])
        {
            // An empty value (`vn-holidays:` with nothing under it) reads as null.
            calendars[name] = WorkingDays.Read(name, definition ?? new CalendarDefinition(), problems);
        }

        var checkedSchedules = new List<CheckedSchedule>();
        var failing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (definition, index) in (parsed.Schedules ?? []).Select((s, i) => (s, i + 1)))
        {
            if (definition is null)
            {
                problems.Add($"schedule #{index}: the entry is empty");
                continue;
            }

            definition.FillNulls();
            var own = new List<string>();
            var name = string.IsNullOrWhiteSpace(definition.Id) ? $"#{index}" : $"\"{definition.Id}\"";
            var result = Check(definition, calendars, own, seen);
            problems.AddRange(own.Select(p => MessageText.OneLine($"schedule {name}: {p}")));
            if (own.Count == 0 && result is not null)
            {
                checkedSchedules.Add(result);
            }
            else if (IdPattern().IsMatch(definition.Id ?? ""))
            {
                failing.Add(definition.Id!);
            }
        }

        return new ScheduleSet(file, checkedSchedules, problems, content) { Failing = failing };
    }

    private CheckedSchedule? Check(ScheduleDefinition definition, Dictionary<string, WorkingDays> calendars, List<string> problems, HashSet<string> seen)
    {
        if (!IdPattern().IsMatch(definition.Id))
        {
            problems.Add("id must be letters, digits, '-', '_' or '.', e.g. annual-assessment-binh-thuan");
        }
        else if (!seen.Add(definition.Id))
        {
            problems.Add("another schedule has the same id");
        }

        var zoneId = definition.TimeZone ?? defaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            problems.Add($"the time zone \"{zoneId}\" is unknown (use an IANA id such as Asia/Ho_Chi_Minh)");
        }

        try
        {
            CronExpression.Parse(definition.Cron);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            problems.Add($"\"{definition.Cron}\" is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], e.g. \"0 0 7 5 9 ?\"): {e.Message}");
        }

        WorkingDays? calendar = null;
        if (definition.Calendar is not null && !calendars.TryGetValue(definition.Calendar, out calendar))
        {
            problems.Add($"the calendar \"{definition.Calendar}\" is not declared under calendars:");
        }

        if (definition.OnHoliday is not (HolidayPolicy.Skip or HolidayPolicy.NextWorkingDay))
        {
            problems.Add($"on-holiday must be {HolidayPolicy.Skip} or {HolidayPolicy.NextWorkingDay}, not \"{definition.OnHoliday}\"");
        }

        if (definition.Misfire is not (MisfirePolicy.RunOnce or MisfirePolicy.Skip or MisfirePolicy.RunAll))
        {
            problems.Add($"misfire must be {MisfirePolicy.RunOnce}, {MisfirePolicy.Skip} or {MisfirePolicy.RunAll}, not \"{definition.Misfire}\"");
        }

        CheckReport(definition, zone ?? TimeZoneInfo.Utc, problems);
        return problems.Count == 0 ? new CheckedSchedule(definition, zone!, calendar) : null;
    }

    /// <summary>The report as the next firing would ask for it: template, language, parameters, localities.</summary>
    private void CheckReport(ScheduleDefinition definition, TimeZoneInfo zone, List<string> problems)
    {
        try
        {
            var now = clock.GetUtcNow();
            var parameters = RelativeValues.Resolve(definition.Parameters, now, zone);
            if (definition.Committees is { } committees)
            {
                // The report of one committee in each language, as the burst will ask for it: the template, its
                // parameters and its confinement are the same for every committee, and preparing all of them (3,355 for
                // the whole country) would hold up every start and every reload. A committee's own problem (its locality
                // gone) fails that committee's run only.
                var burst = new Delivery.BurstRunner(new Configuration.ReportEngineSettings(connectionString, templatesRoot) { ReaderConnectionString = readerConnectionString },
                    new Runs.RunStore(connectionString, clock), clock, "");
                var sample = burst.Committees.Select(committees).GroupBy(c => c.Language, StringComparer.Ordinal).Select(g => g.First().Code);
                burst.Prepare(definition.Template, parameters, string.Join(',', sample));
                return;
            }

            // On PostgreSQL through the reader role, as the run will read (ConnectionStrings:ReportsReader).
            using var connection = ReportsDatabase.OpenForReports(connectionString, readerConnectionString);
            new ReportRunner(templatesRoot, clock, ReportRunner.DefaultQueryTimeLimit)
                .Prepare(new ReportRequest(definition.Template, parameters, definition.Language), connection);
        }
        catch (DataNotYetImportedException)
        {
            // The data may well be imported before the firing: the run itself refuses if not.
        }
        catch (ReportEngineException e)
        {
            problems.Add(e.Message);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
