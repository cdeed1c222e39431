using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using ReportEngine.Archive;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// A burst renders several committees at once (Burst:MaxParallel), and still gives each committee its own
/// run, archived PDF and deliveries, prints them in committee order, and lets no committee's failure stop another.
/// </summary>
[Collection(DeliveryGroup.Name)]
public sealed partial class ParallelBurstTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_burst_renders_committees_at_the_same_time_and_each_keeps_its_run_pdf_and_deliveries_in_committee_order()
    {
        using var world = new DeliveryWorld(fixture);
        // The province first: its report is the longest, so it finishes after the districts started beside it.
        string[] committees = ["binh-thuan", "phan-thiet", "la-gi", "phu-quy"];

        var (code, output) = await world.Cli(DeliveryWorld.Settings(null, ("Burst__MaxParallel", "3")),
            "run", "annual-assessment", "--set", "year=2024", "--committees", string.Join(',', committees));

        Assert.True(code == 0, output);
        var lines = Lines(output);
        Assert.Equal(2 * committees.Length + 1, lines.Count);
        var paths = lines.Take(committees.Length).ToList();
        var runIds = lines.Skip(committees.Length + 1).Select(l => RunLine().Match(l)).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(committees.Select((c, i) => $"/{runIds[i]}-{c}-"), paths.Select(p => Regex.Match(p, @"/\d+-[a-z-]+?-(?=(vi|en)\.pdf$)").Value));
        Assert.Equal(runIds.Order(), runIds);
        Assert.StartsWith("deliveries: 4 committees, 0 sent, 8 pending, 0 failed, 0 dead", lines[committees.Length], StringComparison.Ordinal);
        Assert.All(lines.Skip(committees.Length + 1), line => Assert.Matches(@"^run \d+: succeeded$", line));

        var runs = new RunStore(world.Database, TimeProvider.System).List(10).OrderBy(r => r.Id).ToList();
        Assert.Equal(runIds, runs.Select(r => r.Id));
        Assert.Equal(committees, runs.Select(r => RunParameters.Parse(r.Parameters)["locality"]));
        foreach (var (run, path) in runs.Zip(paths))
        {
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(path, world.Archive.FullPath(run.ArchivePath!));
            Assert.Equal(run.Sha256, ReportArchive.Sha256(path));
            Assert.Equal(2, world.Outbox.List(runId: run.Id).Count(d => d.Status == DeliveryStatus.Pending));
        }

        using var connection = SqliteDatabase.Open(world.Database, readOnly: true);
        Assert.Equal(committees.Zip(runIds, (c, id) => $"{c}:{id}"),
            connection.Query<string>("SELECT c.code || ':' || b.run_id FROM burst_runs b JOIN committees c ON c.id = b.committee_id ORDER BY b.run_id"));

        // Overlapping [started, finished) intervals: runs were rendering at the same time, never more than the setting allows.
        var most = runs.Max(r => runs.Count(o => string.CompareOrdinal(o.StartedAt, r.StartedAt) <= 0 && string.CompareOrdinal(o.FinishedAt, r.StartedAt) > 0));
        Assert.InRange(most, 2, 3);
    }

    [Fact]
    public async Task A_committee_whose_report_fails_stops_none_of_the_others()
    {
        using var world = new DeliveryWorld(fixture);
        var templates = ProbeTemplate(world, failsFor: "la-gi");
        string[] committees = ["phan-thiet", "la-gi", "tuy-phong", "phu-quy"];

        var (code, output) = await world.Cli(DeliveryWorld.Settings(null, ("Templates__Path", templates), ("Burst__MaxParallel", "2")),
            "run", "probe", "--committees", string.Join(',', committees));

        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Contains(lines, l => l.StartsWith("error: run ", StringComparison.Ordinal) && l.Contains("(la-gi) failed: Query \"locality\"", StringComparison.Ordinal));
        Assert.Equal(["phan-thiet", "tuy-phong", "phu-quy"], lines.Where(l => l.EndsWith(".pdf", StringComparison.Ordinal)).Select(l => Regex.Match(l, @"\d+-([a-z-]+)-(vi|en)\.pdf$").Groups[1].Value));
        Assert.Equal(["succeeded", "failed", "succeeded", "succeeded"], lines.Select(l => RunLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[2].Value));
        Assert.StartsWith("deliveries: 4 committees, 0 sent, 6 pending, 0 failed, 0 dead", Assert.Single(lines, l => l.StartsWith("deliveries:", StringComparison.Ordinal)), StringComparison.Ordinal);

        var runs = new RunStore(world.Database, TimeProvider.System).List(10).OrderBy(r => r.Id).ToList();
        Assert.Equal(committees, runs.Select(r => RunParameters.Parse(r.Parameters)["locality"]));
        Assert.Equal([RunStatus.Succeeded, RunStatus.Failed, RunStatus.Succeeded, RunStatus.Succeeded], runs.Select(r => r.Status));
        Assert.Contains("must return one row but returned 0", runs[1].Error, StringComparison.Ordinal);
        Assert.Null(runs[1].ArchivePath);
        Assert.Equal([2, 0, 2, 2], runs.Select(r => world.Outbox.List(runId: r.Id).Count));
        Assert.Equal(3, world.Archive.Files().Count);
    }

    /// <summary>A one-table template whose single-row query finds nothing for one locality, so that committee's run fails.</summary>
    private static string ProbeTemplate(DeliveryWorld world, string failsFor)
    {
        var folder = Directory.CreateDirectory(world.File("templates/probe/queries")).Parent!;
        File.WriteAllText(Path.Combine(folder.FullName, "template.yaml"), """
            name: probe
            title: title
            parameters:
              locality:
                type: locality
                default: binh-thuan
            queries:
              locality: { file: queries/locality.sql, single: true }
              units: { file: queries/units.sql }
            layout:
              - type: heading
                text: "{{ t.title }} {{ q.locality.name }}"
              - type: table
                query: units
                columns:
                  - { header: "{{ t.col_name }}", field: name }
            """);
        File.WriteAllText(Path.Combine(folder.FullName, "queries", "locality.sql"),
            $"SELECT name FROM localities WHERE code = @locality AND code <> '{failsFor}'");
        File.WriteAllText(Path.Combine(folder.FullName, "queries", "units.sql"),
            "SELECT l.name FROM localities l JOIN localities p ON p.id = l.parent_id WHERE p.code = @locality ORDER BY l.id");
        File.WriteAllText(Path.Combine(folder.FullName, "strings.vi.yaml"), "title: Danh sách\ncol_name: Tên\npage: Trang\n");
        File.WriteAllText(Path.Combine(folder.FullName, "strings.en.yaml"), "title: List\ncol_name: Name\npage: Page\n");
        return folder.Parent!.FullName;
    }

    /// <summary>The process's output lines; its stderr arrives merged, and the progress lines there are not output.</summary>
    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.EndsWith(" committees rendered", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"^run (\d+): ([a-z]+)$")]
    private static partial Regex RunLine();
}
