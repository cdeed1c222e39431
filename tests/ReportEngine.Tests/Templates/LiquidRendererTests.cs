using ReportEngine.Templates;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Tests.Templates;

public class LiquidRendererTests
{
    [Fact]
    public void Filters_format_figures_in_the_report_language()
    {
        var liquid = new LiquidRenderer(ReportCulture.For("vi"));
        liquid.Set("q", new Dictionary<string, object?> { ["summary"] = new Dictionary<string, object?> { ["organizations"] = 1392L } });
        Assert.Equal("toàn tỉnh có 1.392 hội", liquid.Render("toàn tỉnh có {{ q.summary.organizations | number }} hội", "test"));
    }

    [Fact]
    public void Output_is_normalised_to_NFC()
    {
        var liquid = new LiquidRenderer(ReportCulture.For("vi"));
        liquid.Set("name", "Bình Thuận".Normalize(System.Text.NormalizationForm.FormD));
        Assert.Equal("Bình Thuận".Normalize(System.Text.NormalizationForm.FormC), liquid.Render("{{ name }}", "test"));
    }

    [Fact]
    public void A_syntax_error_names_where_the_text_came_from()
    {
        var liquid = new LiquidRenderer(ReportCulture.For("en"));
        var error = Assert.Throws<TemplateException>(() => liquid.Render("{{ q.summary | }", "strings.en.yaml: summary_sentence"));
        Assert.StartsWith("strings.en.yaml: summary_sentence", error.File, StringComparison.Ordinal);
        Assert.Contains("Liquid error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variable_is_an_error_not_an_empty_string()
    {
        var liquid = new LiquidRenderer(ReportCulture.For("en"));
        Assert.Throws<TemplateException>(() => liquid.Render("{{ no_such_thing }}", "test"));
    }
}
