using System.Globalization;
using ReportEngine.Layout.Tests.Support;
using UglyToad.PdfPig;

namespace ReportEngine.Layout.Tests;

public class PageNumberTests
{
    [Fact]
    public void Page_N_of_M_is_correct_on_every_page()
    {
        using var pdf = PdfDocument.Open(SampleDocuments.Table(300).GeneratePdf());
        var total = pdf.NumberOfPages;
        Assert.True(total > 3);
        foreach (var page in pdf.GetPages())
        {
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Trang {page.Number} / {total}"), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Page_count_is_reported_after_generation()
    {
        var document = SampleDocuments.Table(300);
        var pages = document.GeneratePdf(Stream.Null);
        Assert.Equal(pages, document.PageCount);
        using var pdf = PdfDocument.Open(document.GeneratePdf());
        Assert.Equal(pages, pdf.NumberOfPages);
    }
}
