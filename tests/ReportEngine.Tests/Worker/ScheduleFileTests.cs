using System.Globalization;
using System.Text;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>Editing config/schedules.yaml while the worker serves, and holiday calendars.</summary>
[Collection(WorkerGroup.Name)]
public sealed class ScheduleFileTests(WorkerFixture fixture) : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(30);
    private readonly WorkerFolder _folder = new(fixture);

    [Fact]
    public async Task Editing_the_file_updates_the_schedules_without_a_restart_and_keeps_an_unchanged_trigger()
    {
        _folder.WriteSchedules("""
            schedules:
              - id: kept
                template: annual-assessment
                parameters: { year: "2024", locality: binh-thuan }
                cron: "0 0 7 5 9 ?"
              - id: dropped
                template: annual-assessment
                parameters: { year: "2024" }
                cron: "0 0 7 6 9 ?"
            """);
        using var worker = _folder.StartWorker();
        await worker.WaitForLine(l => l.Contains("schedule kept: added", StringComparison.Ordinal), Startup);
        var triggerBefore = Trigger("kept");

        var due = WorkerFolder.SecondsAhead(6);
        _folder.WriteSchedules($"""
            schedules:
              - id: kept
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: la-gi {"}"}
                cron: "0 0 7 5 9 ?"
              - id: added
                template: annual-assessment
                parameters: {"{"} year: "2024", locality: la-gi {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
            """);

        await worker.WaitForLine(l => l.Contains("schedule kept: unchanged", StringComparison.Ordinal), Startup);
        await worker.WaitForLine(l => l.Contains("schedule dropped: removed", StringComparison.Ordinal), Startup);
        var run = await Poll.Until(() => _folder.RunsOf("added").FirstOrDefault(r => r.IsFinished), Startup, () => worker.Output);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(triggerBefore, Trigger("kept"));
        Assert.Contains("la-gi", JobData("kept"), StringComparison.Ordinal);
        Assert.False(_folder.HasTrigger("dropped"));
    }

    [Fact]
    public async Task With_on_holiday_skip_a_daily_schedule_passes_over_a_holiday()
    {
        var due = WorkerFolder.SecondsAhead(60);
        var today = LocalDay(due);
        var local = TimeZoneInfo.ConvertTime(due, WorkerFolder.Vietnam);
        _folder.WriteSchedules(string.Create(CultureInfo.InvariantCulture, $"""
            calendars:
              off: {"{"} holidays: [{today:yyyy-MM-dd}], weekend: [] {"}"}
            schedules:
              - id: daily
                template: annual-assessment
                parameters: {"{"} year: "2024" {"}"}
                cron: "{local.Second} {local.Minute} {local.Hour} * * ?"
                calendar: off
            """));
        using var worker = _folder.StartWorker();

        var line = await worker.WaitForLine(l => l.Contains("schedule daily: added, next firing ", StringComparison.Ordinal), Startup);

        var next = DateTimeOffset.Parse(line[(line.IndexOf("next firing ", StringComparison.Ordinal) + "next firing ".Length)..], CultureInfo.InvariantCulture);
        Assert.Equal(today.AddDays(1), LocalDay(next));
        Assert.Equal(local.TimeOfDay, TimeZoneInfo.ConvertTime(next, WorkerFolder.Vietnam).TimeOfDay);
    }

    [Fact]
    public async Task With_on_holiday_next_working_day_a_firing_on_a_holiday_moves_to_the_next_working_day()
    {
        var due = WorkerFolder.SecondsAhead(8);
        var today = LocalDay(due);
        _folder.WriteSchedules(string.Create(CultureInfo.InvariantCulture, $"""
            calendars:
              off: {"{"} holidays: [{today:yyyy-MM-dd}], weekend: [] {"}"}
            schedules:
              - id: moving
                template: annual-assessment
                parameters: {"{"} year: "2024" {"}"}
                cron: "{WorkerFolder.CronAt(due)}"
                calendar: off
                on-holiday: next-working-day
            """));
        using var worker = _folder.StartWorker();

        // The log says when the report will run (the next working day), as the schedules page does, not the cron's holiday.
        var added = await worker.WaitForLine(l => l.Contains("schedule moving: added, next firing ", StringComparison.Ordinal), Startup);
        var announced = added[(added.IndexOf("next firing ", StringComparison.Ordinal) + "next firing ".Length)..];
        Assert.Equal(today.AddDays(1), LocalDay(DateTimeOffset.Parse(announced[..announced.IndexOf(" (", StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
        Assert.Contains("falls on a non-working day", announced, StringComparison.Ordinal);

        await worker.WaitForLine(l => l.Contains("schedule moving: ", StringComparison.Ordinal) && l.Contains("moved to", StringComparison.Ordinal), Startup + TimeSpan.FromSeconds(8));

        Assert.Empty(_folder.RunsOf("moving"));
        using var connection = SqliteDatabase.Open(_folder.Database, readOnly: true);
        var next = connection.QuerySingle<long>("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'moving.moved.%'");
        Assert.Equal(due.AddDays(1), new DateTimeOffset(next, TimeSpan.Zero));
    }

    public void Dispose() => _folder.Dispose();

    private static DateOnly LocalDay(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, WorkerFolder.Vietnam).DateTime);

    private (long Start, long? Previous) Trigger(string name)
    {
        using var connection = SqliteDatabase.Open(_folder.Database, readOnly: true);
        return connection.QuerySingle<(long, long?)>("SELECT START_TIME, PREV_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = @name", new { name });
    }

    private string JobData(string name)
    {
        using var connection = SqliteDatabase.Open(_folder.Database, readOnly: true);
        return Encoding.UTF8.GetString(connection.QuerySingle<byte[]>("SELECT JOB_DATA FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = @name", new { name }));
    }
}
