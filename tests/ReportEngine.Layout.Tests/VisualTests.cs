using ReportEngine.Layout.Tests.Support;

namespace ReportEngine.Layout.Tests;

/// <summary>Golden pages: a few characteristic pages rendered to PNG and compared with ExpectedOutput.</summary>
public class VisualTests
{
    [Fact]
    public void Vietnamese_text_with_diacritics_matches_its_golden_page()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6);
            page.Margin(20);
            page.DefaultTextStyle(s => s.FontSize(9));
            page.Content().Column(col =>
            {
                col.Spacing(6);
                col.Item().Text("Báo cáo đánh giá công tác hội quần chúng").FontSize(13).Bold().FontColor(Color.FromHex("#1F4E79"));
                col.Item().Text(t =>
                {
                    t.Justify();
                    t.Span("Năm 2024, các hội quần chúng trên địa bàn tỉnh ");
                    t.Span("Bình Thuận").Bold();
                    t.Span(" tiếp tục củng cố tổ chức, ");
                    t.Span("phát triển hội viên").Italic().Underline();
                    t.Span(" và thực hiện các chỉ tiêu về tỷ lệ tập hợp: ");
                    t.Span("Hội Chữ thập đỏ, Hội Người cao tuổi, Đoàn Thanh niên.").FontColor(Colors.Red.Darken2);
                });
                col.Item().AlignCenter().Text("Ủy ban nhân dân – Sở Nội vụ").Italic();
                col.Item().AlignRight().Text("Phan Thiết, ngày 31 tháng 12 năm 2024");
                col.Item().Background(Colors.Grey.Lighten4).Border(0.5f, Colors.Grey.Medium).Padding(6)
                    .Text("Dấu: à á ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ề ế ể ễ ệ ì í ỉ ĩ ị ò ó ỏ õ ọ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ Đ");
            });
        }));

        GoldenImage.AssertMatches("vietnamese-text", document.RenderPageToPng(0, 96));
    }

    [Fact]
    public void Table_across_a_page_break_matches_its_golden_page()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6);
            page.Margin(20);
            page.DefaultTextStyle(s => s.FontSize(8));
            page.Content().Table(table =>
            {
                table.ColumnsDefinition(c => { c.ConstantColumn(24); c.RelativeColumn(3); c.RelativeColumn(1); });
                table.CellBorder(0.5f, Colors.Grey.Medium);
                table.ZebraRows(Colors.Grey.Lighten4);
                table.HeaderBackground(Colors.Blue.Lighten4);
                table.Header(h =>
                {
                    h.Cell().Text("#").Bold();
                    h.Cell().Text("Tổ chức").Bold();
                    h.Cell().AlignRight().Text("Hội viên").Bold();
                });
                for (var i = 1; i <= 40; i++)
                {
                    table.Cell().Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    table.Cell().Text(i % 7 == 0 ? $"Hội Liên hiệp Phụ nữ xã số {i} có tên dài xuống dòng" : $"Hội Nông dân xã {i}");
                    table.Cell().AlignRight().Text((i * 137).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
                }

                table.Footer(f => f.Cell().ColumnSpan(3).AlignRight().Text("Nguồn: Sở Nội vụ").Italic());
            });
            page.Footer().AlignCenter().Text(t => { t.Span("Trang "); t.CurrentPageNumber(); t.Span(" / "); t.TotalPages(); });
        }));

        GoldenImage.AssertMatches("table-page-2", document.RenderPageToPng(1, 96));
    }

    [Fact]
    public void Chart_matches_its_golden_page()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6.Landscape());
            page.Margin(20);
            page.Content().Column(col =>
            {
                col.Item().Text("Hội viên theo loại hình").Bold();
                col.Item().Height(200).Chart(plot =>
                {
                    plot.Add.Bars([120.0, 95, 143, 80, 110]);
                    plot.Axes.Bottom.SetTicks([0.0, 1, 2, 3, 4], ["Nông dân", "Cựu chiến binh", "Phụ nữ", "Lao động", "Thanh niên"]);
                    plot.YLabel("Hội viên");
                    plot.Title("Năm 2024");
                });
            });
        }));

        GoldenImage.AssertMatches("chart", document.RenderPageToPng(0, 96));
    }
}
