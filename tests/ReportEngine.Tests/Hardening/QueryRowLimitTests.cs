using Microsoft.Extensions.Configuration;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>A query returning more rows than Reports:MaxQueryRows fails its run, and is stopped as its rows stream in.</summary>
[Collection(IsolationGroup.Name)]
public sealed class QueryRowLimitTests(IsolationFixture fixture)
{
    [Fact]
    public async Task A_query_returning_more_rows_than_the_limit_fails_the_run_naming_the_template_and_the_query()
    {
        using var world = new IsolationWorld(fixture);
        var runs = world.Runs;
        var id = runs.Queue(new RunRecord
        {
            Template = "annual-assessment",
            Language = "vi",
            Parameters = RunParameters.Format(new Dictionary<string, string> { ["year"] = "2024", ["locality"] = "binh-thuan" }),
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "test",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(TimeProvider.System.GetUtcNow()),
        });

        var run = await new RunExecutor(world.Settings with { MaxQueryRows = 50 }, world.Archive, runs).ExecuteAsync(id, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Matches("^Query \"[a-z_]+\" of template \"annual-assessment\" returned more than 50 rows, the limit set by Reports:MaxQueryRows", run.Error);
        Assert.Empty(world.Archive.Files());
    }

    [Fact]
    public void An_endless_query_is_stopped_by_the_row_limit_as_its_rows_stream_in_long_before_its_time_limit()
    {
        using var folder = new TempFolder();
        using var connection = SqliteDatabase.Open(folder.File("endless.db"));
        var executor = new QueryExecutor(connection, TimeSpan.FromSeconds(120), maxRows: 1000) { Template = "probe" };

        var error = Assert.Throws<ReportEngineException>(() => executor.Execute("endless",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n", new Dictionary<string, object>()));

        Assert.Equal("Query \"endless\" of template \"probe\" returned more than 1000 rows, the limit set by Reports:MaxQueryRows; narrow the query (or raise the setting).", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void The_row_limit_setting_must_be_at_least_one(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Templates:Path"] = RepositoryPaths.Templates,
            ["Reports:MaxQueryRows"] = value,
        }).Build();

        var error = Assert.Throws<ReportEngineException>(() => ReportEngineSettings.Load(configuration, RepositoryPaths.Root, null));

        Assert.Contains("Reports:MaxQueryRows must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_row_limit_is_read_from_the_settings_and_defaults_to_one_hundred_thousand()
    {
        static IConfiguration Settings(params (string Key, string Value)[] more) => new ConfigurationBuilder().AddInMemoryCollection(
            more.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).Append(new("Templates:Path", RepositoryPaths.Templates))).Build();

        Assert.Equal(250, ReportEngineSettings.Load(Settings(("Reports:MaxQueryRows", "250")), RepositoryPaths.Root, null).MaxQueryRows);
        Assert.Equal(100_000, ReportEngineSettings.Load(Settings(), RepositoryPaths.Root, null).MaxQueryRows);
    }
}
