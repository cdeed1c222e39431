using ReportEngine.Layout.Tests.Support;
using UglyToad.PdfPig;

namespace ReportEngine.Layout.Tests;

public class TableTests
{
    [Fact]
    public void Table_header_repeats_on_every_page()
    {
        var bytes = SampleDocuments.Table(1392).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages > 10, $"pages: {pdf.NumberOfPages}");
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Contains("STT", words);
            Assert.Contains("Hội", words);
        }
    }
}
