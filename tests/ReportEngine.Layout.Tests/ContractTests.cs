using UglyToad.PdfPig;

namespace ReportEngine.Layout.Tests;

/// <summary>The API contract the report renderer codes against, written as its engineer would.</summary>
public class ContractTests
{
    [Fact]
    public void The_published_contract_example_renders()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 8);
        bitmap.Erase(SkiaSharp.SKColors.Orange);
        using var encoded = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var bytesOrPath = encoded.ToArray();

        var document = Document.Create(doc =>
        {
            doc.Metadata(new DocumentMetadata
            {
                Title = "Báo cáo",
                Author = "Sở Nội vụ",
                Subject = "Hội",
                Keywords = "hội",
                Language = "vi-VN",
                CreationDate = new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.FromHours(7)),
                ModifiedDate = new DateTimeOffset(2024, 9, 2, 0, 0, 0, TimeSpan.FromHours(7)),
            });
            doc.Page(page =>
            {
                page.Size(PageSizes.A4);
                page.Margin(50);
                page.MarginHorizontal(40).MarginVertical(50).MarginTop(45);
                page.DefaultTextStyle(s => s.FontFamily("DejaVu Sans").FontSize(10));
                page.Background(Colors.White);
                page.Header().Text("Sở Nội vụ tỉnh Bình Thuận");
                page.Content().Column(col =>
                {
                    col.Spacing(8);
                    col.Item().Text("plain text").FontSize(20).Bold();
                    col.Item().Text(t => { t.Span("Bold ").Bold(); t.Span("normal"); t.AlignCenter(); t.LineHeight(1.2f); });
                    col.Item().TableOfContents();
                    col.Item().PageBreak();
                    col.Item().Heading(1, "Title text");
                    col.Item().Row(row => { row.Spacing(10); row.RelativeItem(2).Text("a"); row.ConstantItem(100).Text("b"); row.AutoItem().Text("c"); });
                    col.Item().Padding(5).Border(0.5f).Background(Color.FromHex("#EEEEEE")).AlignRight().Text("x");
                    col.Item().Table(table =>
                    {
                        table.ColumnsDefinition(c => { c.ConstantColumn(30); c.RelativeColumn(3); c.RelativeColumn(1); });
                        table.Header(h => { h.Cell().Text("#").Bold(); h.Cell().Text("Name").Bold(); h.Cell().AlignRight().Text("Members").Bold(); });
                        table.Cell().Text("1"); table.Cell().Text("Hội Chữ thập đỏ"); table.Cell().AlignRight().Text("12.345");
                        table.Cell().ColumnSpan(2).Text("Tổng"); table.Cell().AlignRight().Text("12.345");
                        table.Cell().RowSpan(2).Text("span"); table.Cell().Text("a"); table.Cell().Text("b");
                        table.Cell().Text("c"); table.Cell().Text("d");
                        table.Footer(f => f.Cell().ColumnSpan(3).Text("Nguồn: Sở Nội vụ"));
                        table.ZebraRows(Colors.Grey.Lighten3);
                    });
                    col.Item().Image(bytesOrPath);
                    col.Item().Height(250).Chart(plot => plot.Add.Bars([1.0, 2, 3]));
                });
                page.Footer().AlignCenter().Text(t => { t.Span("Trang "); t.CurrentPageNumber(); t.Span(" / "); t.TotalPages(); });
            });
            doc.Page(page => page.Size(PageSizes.A4.Landscape()).Content().Text("Phụ lục"));
        });

        using var output = new MemoryStream();
        document.GeneratePdf(output);
        var pages = document.PageCount;
        var png = document.RenderPageToPng(0, dpi: 72);

        Assert.True(pages >= 3);
        Assert.NotEmpty(png);
        using var pdf = PdfDocument.Open(output.ToArray());
        Assert.Equal(pages, pdf.NumberOfPages);
        Assert.Contains("Trang 1 / " + pages, string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }
}
