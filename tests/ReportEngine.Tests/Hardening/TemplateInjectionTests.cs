using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Templates.Liquid;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>Database values never become template code, and the parsed-text cache stays bounded.</summary>
[Collection(IsolationGroup.Name)]
public sealed class TemplateInjectionTests(IsolationFixture fixture)
{
    private const string Hostile = "x }}{{ q.summary.members";

    [Fact]
    public void A_database_value_shaped_like_liquid_prints_literally_in_label_columns_and_chart_categories()
    {
        using var world = new IsolationWorld(fixture);
        world.Execute("UPDATE organizations SET name = @Hostile WHERE id = (SELECT MIN(id) FROM organizations)", new { Hostile });
        var folder = Directory.CreateDirectory(Path.Combine(world.Templates, "injection", "queries")).Parent!.FullName;
        File.WriteAllText(Path.Combine(folder, "queries", "summary.sql"), "SELECT 987654 AS members");
        File.WriteAllText(Path.Combine(folder, "queries", "rows.sql"),
            "SELECT name AS kind, 1 AS n FROM organizations WHERE id = (SELECT MIN(id) FROM organizations) UNION ALL SELECT 'known', 2");
        File.WriteAllText(Path.Combine(folder, "strings.vi.yaml"), "title: Thử\ncol_kind: Loại\ncount: Số\npage: Trang\nkinds:\n  known: Đã biết\n");
        File.WriteAllText(Path.Combine(folder, "template.yaml"), """
            name: injection
            title: title
            queries:
              summary: { file: queries/summary.sql, single: true }
              rows: { file: queries/rows.sql }
            page:
              size: A4
              margin: 50
              font-size: 10
              header: "{{ t.title }}"
            layout:
              - type: table
                query: rows
                columns:
                  - { header: "{{ t.col_kind }}", field: kind, format: label, labels: kinds }
              - type: chart
                query: rows
                chart: bar
                category: kind
                labels: kinds
                series:
                  - { field: n, label: "{{ t.count }}" }
            """);

        string pdf;
        using (var connection = ReportsDatabase.OpenForReports(world.Database))
        {
            pdf = new ReportRunner(world.Templates, TimeProvider.System, TimeSpan.FromSeconds(30))
                .Render(new ReportRequest("injection", new Dictionary<string, string>(), "vi"), connection, Path.Combine(world.Path, "out")).Path;
        }

        var text = IsolationWorld.Collapse(PdfText.Pages(pdf));
        Assert.Contains(Hostile, text, StringComparison.Ordinal);
        Assert.Contains("Đã biết", text, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", text, StringComparison.Ordinal);
        Assert.DoesNotContain("987.654", text, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void The_parsed_template_cache_never_holds_more_than_its_bound()
    {
        var liquid = new LiquidRenderer(ReportCulture.For("en"));
        for (var i = 0; i < LiquidRenderer.CacheLimit + 1000; i++)
        {
            Assert.Equal($"{i}", liquid.Render($"{{{{ {i} }}}}", "test"));
        }

        Assert.InRange(LiquidRenderer.CachedCount, 1, LiquidRenderer.CacheLimit);
    }
}
