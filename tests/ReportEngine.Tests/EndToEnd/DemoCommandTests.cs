using ReportEngine.Tests.Support;
using UglyToad.PdfPig;

namespace ReportEngine.Tests.EndToEnd;

[Collection(DemoGroup.Name)]
public class DemoCommandTests(DemoFixture demo)
{
    [Fact]
    public void Demo_exits_zero_and_prints_each_pdf_it_wrote()
    {
        Assert.True(demo.Run.ExitCode == 0, demo.Run.Error);
        foreach (var language in new[] { "vi", "en", "pl" })
        {
            Assert.True(File.Exists(demo.Pdf(language)), $"{language} PDF missing");
        }
    }

    [Fact]
    public void The_vietnamese_report_carries_the_published_figures_read_back_with_PdfPig()
    {
        var text = string.Join("\n", PdfText.Pages(demo.Pdf("vi")));
        foreach (var figure in new[] { "1.392", "440.532", "1.203", "124", "Bình Thuận", "hội quần chúng" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_vietnamese_report_carries_the_published_figures_read_back_with_pdftotext()
    {
        var text = PdfText.Poppler(demo.Pdf("vi"));
        Assert.Contains("1.392 hội quần chúng", text, StringComparison.Ordinal);
        Assert.Contains("440.532", text, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains("đánh giá công tác hội quần chúng năm 2024", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "1,392", "440,532")]
    [InlineData("pl", "1 392", "440 532")]
    public void Other_languages_use_their_own_number_format(string language, string organizations, string members)
    {
        var text = string.Join("\n", PdfText.Pages(demo.Pdf(language)));
        Assert.Contains(organizations, text, StringComparison.Ordinal);
        Assert.Contains(members, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_after_the_first_carries_its_number_alone_at_the_top_centre()
    {
        // A Party document (36-HD/VPTW) numbers its pages from the second, at the top centre.
        using var document = PdfDocument.Open(demo.Pdf("vi"));
        var pages = document.GetPages().ToList();
        Assert.InRange(pages.Count, 30, 80);
        Assert.DoesNotContain(pages[0].GetWords(), w => w.Text == "1" && w.BoundingBox.Top > pages[0].Height - 80);
        for (var i = 1; i < pages.Count; i++)
        {
            var top = pages[i].GetWords().MaxBy(w => w.BoundingBox.Top)!;
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), top.Text);
            Assert.InRange((top.BoundingBox.Left + top.BoundingBox.Right) / 2, 318.9 - 6, 318.9 + 6);
        }
    }

    [Fact]
    public void The_appendix_lists_every_organisation()
    {
        var text = string.Join("\n", PdfText.Pages(demo.Pdf("vi")));
        Assert.Contains("Hội Chữ thập đỏ", text, StringComparison.Ordinal);
        Assert.Contains("1.392 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_is_valid_and_titled()
    {
        using var document = PdfDocument.Open(demo.Pdf("vi"));
        Assert.Equal("Báo cáo đánh giá công tác hội quần chúng", document.Information.Title);
        Assert.True(new FileInfo(demo.Pdf("vi")).Length < 2_000_000, "fonts should be subset");
    }
}
