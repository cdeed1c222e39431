using Dapper;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Reports;
using ReportEngine.Runs;
using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Postgres;

/// <summary>
/// On PostgreSQL as on SQLite, a committee's report holds only its own area's data by construction: its queries
/// read the engine's temporary views of the area through the reader role, and a query that reads anything else is
/// refused when the burst is checked and again right before it runs (PostgreSQL has no authorizer: the engine
/// reads each query's plan).
/// </summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class PostgresAreaConfinementTests(PostgresDemo demo) : IDisposable
{
    private const string Commune = "phan-thiet-mui-ne";
    private const string Columns = "o.name, l.name AS locality, 0 AS members, 0 AS members_change, 0 AS activities";
    private static readonly Dictionary<string, string> Year = new(StringComparer.Ordinal) { ["year"] = "2024" };

    private readonly TempFolder _folder = new();

    [Fact]
    public void Inside_the_area_a_plain_members_count_is_the_areas_own_and_public_tables_stay_unread()
    {
        var database = demo.NewDatabase();
        long own, all;
        using (var owner = new NpgsqlConnection(database))
        {
            own = owner.ExecuteScalar<long>(
                "SELECT COUNT(*) FROM members m JOIN organizations o ON o.id = m.organization_id JOIN localities l ON l.id = o.locality_id WHERE l.code = @Commune",
                new { Commune });
            all = owner.ExecuteScalar<long>("SELECT COUNT(*) FROM members");
        }

        Assert.InRange(own, 1, all - 1);
        using var reader = ReportsDatabase.OpenForReports(database, PostgresDemo.ReaderOf(database));
        long counted;
        using (var confinement = AreaConfinement.Enter(reader, Commune, "2024-12-31"))
        {
            const string Count = "SELECT COUNT(*) AS members FROM members";
            confinement.Check("t", "count", Count);
            counted = reader.ExecuteScalar<long>(Count);
            // A view read twice: the plan tells its two reads apart by a numbered alias, still the engine's.
            const string Twice = "SELECT COUNT(*) FROM members a JOIN members b ON b.id = a.id JOIN organizations o ON o.id = a.organization_id";
            confinement.Check("t", "twice", Twice);
            Assert.Equal(own, reader.ExecuteScalar<long>(Twice));
        }

        Assert.Equal(own, counted);
        // Dropped with the confinement: the same pooled session reads the whole table again, and no temporary relation is left.
        Assert.Equal(all, reader.ExecuteScalar<long>("SELECT COUNT(*) FROM members"));
        Assert.Equal(0, reader.ExecuteScalar<long>("SELECT COUNT(*) FROM pg_class WHERE relpersistence = 't' AND relname LIKE 'confined%'"));
    }

    [Fact]
    public async Task A_query_that_ignores_the_locality_shows_only_the_committees_own_organizations()
    {
        var world = World();
        WriteQuery(world, "-- Only the organisations of @locality.\n" + $"SELECT {Columns} FROM organizations o JOIN localities l ON l.id = o.locality_id ORDER BY o.name");

        var result = await world.Burster.RunAsync("committee-report", Year, Commune, "test", 1, world.Executor.ExecuteAsync, CancellationToken.None);

        var run = Assert.Single(result.Runs).Run;
        Assert.True(run.Status == RunStatus.Succeeded, run.Error);
        var text = Collapse(string.Join(' ', PdfText.Pages(world.Archive.FullPath(run.ArchivePath!))));
        using var owner = new NpgsqlConnection(world.Database);
        var organizations = owner.Query<(string Locality, string Name)>("SELECT l.code, o.name FROM organizations o JOIN localities l ON l.id = o.locality_id").AsList();
        var own = organizations.Where(o => o.Locality == Commune).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(own, name => text.Contains(Collapse(name), StringComparison.Ordinal));
        var foreign = organizations.Where(o => o.Locality != Commune && !own.Contains(o.Name))
            .Where(o => text.Contains(Collapse(o.Name), StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, $"{Commune}'s report names {foreign.Count} organisations of other localities, e.g. {string.Join("; ", foreign.Take(3))}");
    }

    [Theory]
    [InlineData("reads public.organizations outside", $"SELECT {Columns} FROM public.organizations o JOIN localities l ON l.id = o.locality_id")]
    [InlineData("reads public.organizations outside", $"WITH organizations AS (SELECT * FROM public.organizations) SELECT {Columns} FROM organizations o JOIN localities l ON l.id = o.locality_id")]
    [InlineData("reads public.organizations outside", "SELECT confined_organizations_0123456789ab.name, l.name AS locality, 0 AS members, 0 AS members_change, 0 AS activities " +
        "FROM public.organizations AS confined_organizations_0123456789ab JOIN localities l ON l.id = confined_organizations_0123456789ab.locality_id")]
    [InlineData("reads public.committees outside", "SELECT c.name, c.code AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM committees c")]
    [InlineData("reads public.runs outside", "SELECT r.template AS name, r.status AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM runs r")]
    [InlineData("reads pg_catalog.pg_class outside", "SELECT relname AS name, relkind::text AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM pg_class")]
    [InlineData("reads pg_catalog.", "SELECT table_name::text AS name, '' AS locality, 0 AS members, 0 AS members_change, 0 AS activities FROM information_schema.tables")]
    [InlineData("calls set_config()", "SELECT set_config('search_path', 'public, pg_temp', false) AS name, '' AS locality, 0 AS members, 0 AS members_change, 0 AS activities")]
    [InlineData("calls pg_stat_get_live_tuples()", "SELECT pg_stat_get_live_tuples('public.members'::regclass)::text AS name, '' AS locality, 0 AS members, 0 AS members_change, 0 AS activities")]
    [InlineData("calls query_to_xml()", "SELECT query_to_xml('SELECT * FROM public.organizations', true, false, '')::text AS name, '' AS locality, 0 AS members, 0 AS members_change, 0 AS activities")]
    [InlineData("more than one statement", $"SELECT {Columns} FROM organizations o JOIN localities l ON l.id = o.locality_id; SET search_path = public, pg_temp")]
    [InlineData("is not a SELECT", "SET search_path = public, pg_temp")]
    [InlineData("A committee's report may read only its own area", $"WITH gone AS (DELETE FROM members RETURNING organization_id) SELECT {Columns} FROM organizations o JOIN localities l ON l.id = o.locality_id")]
    public void A_query_reading_outside_the_area_is_refused_when_the_burst_is_checked_and_nothing_is_run(string reason, string sql)
    {
        var world = World();
        WriteQuery(world, "-- restricted by @locality\n" + sql);
        var members = Members(world.Database);

        var error = Assert.Throws<ReportEngineException>(() => world.Burster.Prepare("committee-report", Year, Commune));

        Assert.Contains("query \"organizations\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains($"the committee's locality {Commune}", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Runs.List(10));
        Assert.Equal(members, Members(world.Database));
    }

    [Fact]
    public async Task A_confined_run_whose_query_reads_outside_the_area_fails_when_it_executes_whatever_its_recorded_version()
    {
        var world = World();
        WriteQuery(world, "-- @locality\n" + $"SELECT {Columns} FROM public.organizations o JOIN localities l ON l.id = o.locality_id");
        // As if queued past the burst's check: the executor plans each query again before it runs it.
        var id = world.Runs.Queue(new RunRecord
        {
            Template = "committee-report",
            TemplateVersion = TemplateVersion.Of(Path.Combine(world.Templates, "committee-report")),
            ConfinedTo = Commune,
            Language = "vi",
            Parameters = RunParameters.Format(new Dictionary<string, string>(Year) { ["locality"] = Commune }),
            Trigger = RunTrigger.CommandLine,
            RequestedBy = "test",
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(TimeProvider.System.GetUtcNow()),
        });

        var run = await world.Executor.ExecuteAsync(id, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("query \"organizations\": it reads public.organizations outside", run.Error, StringComparison.Ordinal);
        Assert.Empty(world.Archive.Files());
    }

    [Theory]
    [InlineData("committee-report")]
    [InlineData("annual-assessment")]
    public async Task Run_with_committees_on_a_PostgreSQL_copy_renders_each_committees_own_report(string template)
    {
        var database = demo.NewDatabase();
        string[] communes = [Commune, "la-gi-phuoc-hoi"];
        var archive = _folder.File("archive-" + template);

        using var process = WorkerProcess.Start(_folder.Path, database, PostgresDemo.Environment(database),
            "run", template, "--set", "year=2024", "--committees", string.Join(",", communes), "--archive", archive);
        await process.WaitForExit(TimeSpan.FromMinutes(3));

        using var owner = new NpgsqlConnection(database);
        var runs = owner.Query<(string ConfinedTo, string Status, string? ArchivePath, string? Error)>(
            "SELECT confined_to, status, archive_path, error FROM runs ORDER BY confined_to").AsList();
        Assert.True(runs.Count == 2, $"{runs.Count} runs; exit {process.ExitCode}:\n{process.Output}");
        Assert.All(runs, r => Assert.True(r.Status == RunStatus.Succeeded, $"{r.ConfinedTo}: {r.Status} {r.Error}\n{process.Output}"));
        Assert.Equal(communes.Order(StringComparer.Ordinal), runs.Select(r => r.ConfinedTo));
        foreach (var (commune, _, path, _) in runs)
        {
            var text = Collapse(string.Join(' ', PdfText.Pages(Path.Combine(archive, path!))));
            var names = owner.Query<(string Code, string Name)>(
                "SELECT l.code, o.name FROM organizations o JOIN localities l ON l.id = o.locality_id WHERE l.code = ANY(@communes)", new { communes }).AsList();
            Assert.Contains(Collapse(owner.ExecuteScalar<string>("SELECT name FROM localities WHERE code = @commune", new { commune })!), text, StringComparison.Ordinal);
            var foreign = names.Where(o => o.Code != commune && !names.Any(x => x.Code == commune && x.Name == o.Name))
                .Where(o => text.Contains(Collapse(o.Name), StringComparison.Ordinal)).ToList();
            Assert.True(foreign.Count == 0, $"{commune}'s report names {string.Join("; ", foreign)}");
        }
    }

    public void Dispose() => _folder.Dispose();

    private static long Members(string database)
    {
        using var owner = new NpgsqlConnection(database);
        return owner.ExecuteScalar<long>("SELECT COUNT(*) FROM members");
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void WriteQuery(ConfinedWorld world, string sql) =>
        File.WriteAllText(Path.Combine(world.Templates, "committee-report", "queries", "organizations.sql"), sql);

    /// <summary>A fresh demo copy, a copy of the shipped templates (so a test can turn one hostile), an archive, and the burst and executor the command line uses.</summary>
    private ConfinedWorld World()
    {
        var database = demo.NewDatabase();
        var folder = _folder.File(Guid.NewGuid().ToString("N"));
        var templates = Path.Combine(folder, "templates");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(templates, Path.GetRelativePath(RepositoryPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var settings = new ReportEngineSettings(database, templates) { ReaderConnectionString = PostgresDemo.ReaderOf(database) };
        var runs = new RunStore(database, TimeProvider.System);
        var archive = new ReportArchive(Path.Combine(folder, "archive"));
        return new ConfinedWorld(database, templates, runs, archive,
            new BurstRunner(settings, runs, TimeProvider.System, "reports@example.org"), new RunExecutor(settings, archive, runs));
    }

    private sealed record ConfinedWorld(string Database, string Templates, RunStore Runs, ReportArchive Archive, BurstRunner Burster, RunExecutor Executor);
}
