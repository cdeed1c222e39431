using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>All of a run's queries read one snapshot: a write committed between two of them is seen by neither.</summary>
[Collection(IsolationGroup.Name)]
public sealed class ReadSnapshotTests(IsolationFixture fixture)
{
    [Fact]
    public void A_change_committed_between_two_queries_of_a_run_is_seen_by_neither()
    {
        using var world = new IsolationWorld(fixture);
        var folder = Directory.CreateDirectory(Path.Combine(world.Templates, "snapshot", "queries")).Parent!.FullName;
        // The first query calls back into the test once it has counted: a writer commits a new organisation then.
        File.WriteAllText(Path.Combine(folder, "queries", "first.sql"), "SELECT COUNT(*) AS n, commit_between() AS done FROM organizations");
        File.WriteAllText(Path.Combine(folder, "queries", "second.sql"), "SELECT COUNT(*) AS n FROM organizations");
        File.WriteAllText(Path.Combine(folder, "strings.vi.yaml"), "title: Thử\npage: Trang\n");
        File.WriteAllText(Path.Combine(folder, "template.yaml"), """
            name: snapshot
            title: title
            queries:
              first: { file: queries/first.sql, single: true }
              second: { file: queries/second.sql, single: true }
            page:
              size: A4
              margin: 50
              font-size: 10
              header: "{{ t.title }}"
            layout:
              - type: paragraph
                text: "first={{ q.first.n }} second={{ q.second.n }}"
            """);
        var before = world.Scalar<long>("SELECT COUNT(*) FROM organizations");
        var commits = 0;

        string pdf;
        using (var connection = (SqliteConnection)ReportsDatabase.OpenForReports(world.Database))
        {
            connection.CreateFunction("commit_between", () =>
            {
                using var writer = SqliteDatabase.Open(world.Database);
                writer.Execute(
                    """
                    INSERT INTO organizations (code, name, scope, kind, field, locality_id, founded_on)
                    SELECT 'written-meanwhile', 'Written meanwhile', scope, kind, field, locality_id, founded_on FROM organizations WHERE id = (SELECT MIN(id) FROM organizations)
                    """);
                return ++commits;
            });
            pdf = new ReportRunner(world.Templates, TimeProvider.System, TimeSpan.FromSeconds(30))
                .Render(new ReportRequest("snapshot", new Dictionary<string, string>(), "vi"), connection, Path.Combine(world.Path, "out")).Path;
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(1, commits);
        Assert.Equal(before + 1, world.Scalar<long>("SELECT COUNT(*) FROM organizations"));
        var text = IsolationWorld.Collapse(PdfText.Pages(pdf));
        Assert.Contains($"first={before} second={before}", text, StringComparison.Ordinal);
    }
}
