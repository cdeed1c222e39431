using ReportEngine.Runs;
using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// A committee's report holds only its own area's data by construction: every query of a burst's run
/// reads through the engine's area views, anything else is refused when the burst is checked and again
/// when the run executes, and a run executes only the template version checked when it was queued.
/// </summary>
[Collection(IsolationGroup.Name)]
public sealed class BurstIsolationTests(IsolationFixture fixture)
{
    private const string Commune = "phan-thiet-mui-ne";
    private const string Columns = "o.name, l.name AS locality, 0 AS members, 0 AS members_change, 0 AS activities";
    private static readonly Dictionary<string, string> Year = new(StringComparer.Ordinal) { ["year"] = "2024" };

    /// <summary>The query a careless or hostile author writes: no area at all, the locality only in a comment.</summary>
    private const string IgnoresTheLocality =
        $"-- Only the organisations of @locality.\nSELECT {Columns} FROM organizations o JOIN localities l ON l.id = o.locality_id ORDER BY o.name";

    [Fact]
    public async Task A_query_that_ignores_the_locality_but_names_it_in_a_comment_shows_only_the_committees_own_organizations()
    {
        using var world = new IsolationWorld(fixture);
        world.WriteQuery("committee-report", "organizations.sql", IgnoresTheLocality);

        var executor = world.Executor();
        var result = await world.Burster().RunAsync("committee-report", Year, Commune, "test", 1, executor.ExecuteAsync, CancellationToken.None);

        var run = Assert.Single(result.Runs).Run;
        Assert.True(run.Status == RunStatus.Succeeded, run.Error);
        var text = IsolationWorld.Collapse(PdfText.Pages(world.Archive.FullPath(run.ArchivePath!)));
        var organizations = world.Query<(string Locality, string Name)>(
            "SELECT l.code, o.name FROM organizations o JOIN localities l ON l.id = o.locality_id");
        var own = organizations.Where(o => o.Locality == Commune).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(own, name => text.Contains(Collapse(name), StringComparison.Ordinal));
        var foreign = organizations.Where(o => o.Locality != Commune && !own.Contains(o.Name))
            .Where(o => text.Contains(Collapse(o.Name), StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, $"{Commune}'s report names {foreign.Count} organisations of other localities, e.g. {string.Join("; ", foreign.Take(3))}");
    }

    [Theory]
    [InlineData("main.organizations", $"SELECT {Columns} FROM main.organizations o JOIN localities l ON l.id = o.locality_id")]
    [InlineData("main.organizations", $"WITH organizations AS (SELECT * FROM main.organizations) SELECT {Columns} FROM organizations o JOIN localities l ON l.id = o.locality_id")]
    [InlineData("main.committees", "SELECT c.name, c.code AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM committees c")]
    [InlineData("main.sqlite_master", "SELECT name, type AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM sqlite_schema")]
    public void A_query_reading_outside_the_area_is_refused_when_the_burst_is_checked_and_nothing_is_recorded(string reads, string sql)
    {
        using var world = new IsolationWorld(fixture);
        world.WriteQuery("committee-report", "organizations.sql", "-- restricted by @locality\n" + sql);

        var error = Assert.Throws<ReportEngineException>(() => world.Burster().Prepare("committee-report", Year, Commune));

        Assert.Contains("query \"organizations\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reads {reads} outside", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Runs.List(10));
    }

    [Fact]
    public async Task A_template_changed_after_the_burst_was_queued_is_refused_when_the_run_executes()
    {
        using var world = new IsolationWorld(fixture);
        var executor = world.Executor();
        var burster = world.Burster();

        var result = await burster.RunAsync("committee-report", Year, Commune, "test", 1, (id, cancellation) =>
        {
            // Queued with the checked template; the files turn hostile before the run starts (a hot reload, or a worker picking it up later).
            world.WriteQuery("committee-report", "organizations.sql", "-- @locality\n" + $"SELECT {Columns} FROM main.organizations o JOIN localities l ON l.id = o.locality_id");
            return executor.ExecuteAsync(id, cancellation);
        }, CancellationToken.None);

        var run = Assert.Single(result.Runs).Run;
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("changed after this committee's run was queued", run.Error, StringComparison.Ordinal);
        Assert.Empty(world.Archive.Files());
        Assert.Empty(burster.Outbox.List(run.Id));
    }

    [Fact]
    public async Task A_confined_run_whose_query_reads_outside_the_area_fails_when_it_executes_whatever_its_recorded_version()
    {
        using var world = new IsolationWorld(fixture);
        world.WriteQuery("committee-report", "organizations.sql", "-- @locality\n" + $"SELECT {Columns} FROM main.organizations o JOIN localities l ON l.id = o.locality_id");
        var version = TemplateVersion.Of(Path.Combine(world.Templates, "committee-report"));
        // As if queued past the burst's check (by hand, or by an older engine): the executor's own confinement still holds.
        var id = world.Runs.Queue(new RunRecord
        {
            Template = "committee-report",
            TemplateVersion = version,
            ConfinedTo = Commune,
            Language = "vi",
            Parameters = RunParameters.Format(new Dictionary<string, string>(Year) { ["locality"] = Commune }),
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "test",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(TimeProvider.System.GetUtcNow()),
        });

        var run = await world.Executor().ExecuteAsync(id, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("query \"organizations\": it reads main.organizations outside", run.Error, StringComparison.Ordinal);
        Assert.Empty(world.Archive.Files());
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
