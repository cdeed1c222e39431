using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Reports;

/// <summary>The second and third templates prove the format is general.</summary>
[Collection(DemoGroup.Name)]
public class OtherTemplatesTests(DemoFixture demo)
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task A_commune_report_holds_only_that_communes_organisations(string language)
    {
        using var output = new TempFolder();
        var run = await CliRun.Invoke("run", "committee-report", "--set", "locality=phan-thiet-mui-ne", "--set", "year=2024",
            "--lang", language, "--out", output.Path, "--db", demo.Database, "--archive", output.File("archive"));
        Assert.True(run.ExitCode == 0, run.Error);
        var text = PdfText.Poppler(run.OutputLines[0]);
        Assert.Contains("Mũi Né", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hàm Tiến", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tỉnh Bình Thuận", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_sheet_is_one_page_about_that_organisation()
    {
        using var output = new TempFolder();
        var run = await CliRun.Invoke("run", "organization-sheet", "--set", "organization=binh-thuan-hoi-luat-gia", "--set", "year=2024",
            "--lang", "en", "--out", output.Path, "--db", demo.Database, "--archive", output.File("archive"));
        Assert.True(run.ExitCode == 0, run.Error);
        var pages = PdfText.Pages(run.OutputLines[0]);
        Assert.Single(pages);
        Assert.Contains("Hội Luật gia tỉnh Bình Thuận", pages[0], StringComparison.Ordinal);
        Assert.Contains("Figures as of 31 August 2024", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_clear_error()
    {
        var run = await CliRun.Invoke("run", "organization-sheet", "--set", "organization=no-such-body", "--db", demo.Database);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no organization with the code \"no-such-body\"", run.Error, StringComparison.Ordinal);
    }
}
