using System.Text;
using UglyToad.PdfPig;

namespace ReportEngine.Layout.Tests;

public class TextTests
{
    private const string Vietnamese = "Báo cáo đánh giá công tác hội quần chúng năm 2024 – Hội Chữ thập đỏ tỉnh Bình Thuận";

    private static byte[] Render(string text) => Document.Create(doc => doc.Page(page =>
    {
        page.Size(PageSizes.A4);
        page.Margin(50);
        page.Content().Text(text);
    })).GeneratePdf();

    [Fact]
    public void Vietnamese_text_is_extracted_in_order_and_in_NFC()
    {
        using var pdf = PdfDocument.Open(Render(Vietnamese));
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text.Normalize(NormalizationForm.FormC));
        Assert.Equal(Vietnamese.Split(' '), words);
    }

    [Fact]
    public void Decomposed_input_is_normalised_to_NFC()
    {
        var decomposed = Vietnamese.Normalize(NormalizationForm.FormD);
        using var pdf = PdfDocument.Open(Render(decomposed));
        var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Equal(Vietnamese, text);
    }

    [Fact]
    public void Fonts_are_embedded_as_small_subsets()
    {
        // DejaVu Sans is 740 KB; a one-paragraph document must stay far below it.
        var bytes = Render(Vietnamese);
        Assert.True(bytes.Length < 40_000, $"{bytes.Length} bytes");
    }
}
