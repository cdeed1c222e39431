using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using ReportEngine.Data;
using ReportEngine.Scheduling;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>The schedules file, damaged or random: schedules that pass run, the others are one line each; nothing crashes or hangs.</summary>
public sealed class ScheduleFuzzTests : IDisposable
{
    private static readonly string[] TopKeys = ["schedules", "calendars"];

    private static readonly string[] Vocabulary =
    [
        "id", "template", "language", "cron", "time-zone", "parameters", "calendar", "on-holiday", "misfire", "committees", "allow-partial",
        "recipients", "weekend", "holidays", "year", "locality", "as_of", "vn-public-holidays", "annual-assessment", "committee-report",
    ];

    private readonly TempFolder _folder = new();
    private readonly string _database;

    public ScheduleFuzzTests()
    {
        _database = _folder.File("reports.db");
        DatabaseInit.Create(_database, TimeProvider.System);
    }

    [Fact]
    public void Damaged_or_random_schedules_are_accepted_or_refused_with_one_line_each()
    {
        var original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "config", "schedules.yaml"));
        var inputs = Gen.Frequency(
            (3, Mutations.Of(original)),
            (1, RandomYaml.Document(TopKeys, Vocabulary).Select(y => "schedules:\n  - " + y.Replace("\n", "\n    ", StringComparison.Ordinal)).Select(Encoding.UTF8.GetBytes)),
            (1, RandomYaml.Document(TopKeys, Vocabulary).Select(Encoding.UTF8.GetBytes)));
        var loader = new ScheduleLoader(RepositoryPaths.Templates, _database, "Asia/Ho_Chi_Minh", new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)));
        var file = _folder.File("schedules.yaml");

        FuzzBudget.Run("schedules", 150, inputs, input => input, input =>
        {
            File.WriteAllBytes(file, input);
            Outcome.AcceptedOrRefused(() =>
            {
                foreach (var problem in loader.Load(file).Problems)
                {
                    Outcome.OneLine(problem);
                }
            });
        });
    }

    public void Dispose() => _folder.Dispose();
}
