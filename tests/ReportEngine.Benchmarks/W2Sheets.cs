using System.Globalization;
using ReportEngine.Layout;

namespace ReportEngine.Benchmarks;

/// <summary>W2: one sheet per organisation: header, name, six facts, a 10-row indicator table; province-level
/// organisations add a 30-row branch table running onto a second page.</summary>
internal static class W2Sheets
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Document Create(Organization org) => Document.Create(doc =>
    {
        doc.Metadata(new DocumentMetadata
        {
            Title = "Phiếu đánh giá: " + org.Name,
            Author = "Sở Nội vụ tỉnh Bình Thuận",
            Language = "vi-VN",
            CreationDate = SampleData.ReportDate,
        });
        doc.Page(page =>
        {
            page.Size(PageSizes.A4);
            page.Margin(45);
            page.DefaultTextStyle(s => s.FontSize(10));
            page.Header().Row(row =>
            {
                row.RelativeItem().Text("Sở Nội vụ tỉnh Bình Thuận").FontSize(8).FontColor(Colors.Grey.Darken2);
                row.AutoItem().Text("Phiếu đánh giá năm 2024").FontSize(8).FontColor(Colors.Grey.Darken2);
            });
            page.Content().PaddingVertical(10).Column(col =>
            {
                col.Spacing(6);
                col.Item().Heading(1, org.Name).FontColor(Color.FromHex("#1F4E79"));
                Fact(col, "Mã tổ chức", org.Id.ToString("D5", CultureInfo.InvariantCulture));
                Fact(col, "Cấp", org.Scope);
                Fact(col, "Loại", org.Kind);
                Fact(col, "Địa bàn", org.District);
                Fact(col, "Loại hình", org.Type);
                Fact(col, "Số hội viên", org.Members.ToString("N0", Vietnamese));
                col.Item().PaddingTop(8).Text("Chỉ tiêu đánh giá").Bold();
                col.Item().Table(table =>
                {
                    table.ColumnsDefinition(c => { c.ConstantColumn(30); c.RelativeColumn(4); c.RelativeColumn(1); c.RelativeColumn(1); });
                    table.CellBorder(0.5f, Colors.Grey.Lighten1);
                    table.HeaderBackground(Colors.Grey.Lighten3);
                    table.Header(h =>
                    {
                        h.Cell().Text("#").Bold();
                        h.Cell().Text("Chỉ tiêu").Bold();
                        h.Cell().AlignRight().Text("Kế hoạch").Bold();
                        h.Cell().AlignRight().Text("Thực hiện").Bold();
                    });
                    for (var i = 1; i <= 10; i++)
                    {
                        var plan = 50 + (org.Id * 7 + i * 13) % 50;
                        var done = plan - 5 + (org.Id + i) % 12;
                        table.Cell().Text(i.ToString(CultureInfo.InvariantCulture));
                        table.Cell().Text($"Chỉ tiêu số {i}: tỷ lệ hoàn thành nhiệm vụ được giao");
                        table.Cell().AlignRight().Text(plan.ToString(CultureInfo.InvariantCulture) + "%");
                        table.Cell().AlignRight().Text(done.ToString(CultureInfo.InvariantCulture) + "%");
                    }
                });
                if (org.Scope == "Tỉnh")
                {
                    col.Item().PaddingTop(8).Text("Các chi hội trực thuộc").Bold();
                    col.Item().Table(table =>
                    {
                        table.ColumnsDefinition(c => { c.ConstantColumn(30); c.RelativeColumn(3); c.RelativeColumn(2); c.RelativeColumn(1); });
                        table.ZebraRows(Colors.Grey.Lighten4);
                        table.Header(h =>
                        {
                            h.Cell().Text("#").Bold();
                            h.Cell().Text("Chi hội").Bold();
                            h.Cell().Text("Địa bàn").Bold();
                            h.Cell().AlignRight().Text("Hội viên").Bold();
                        });
                        for (var i = 1; i <= 30; i++)
                        {
                            table.Cell().Text(i.ToString(CultureInfo.InvariantCulture));
                            table.Cell().Text($"Chi hội {org.Type} số {i}");
                            table.Cell().Text(SampleData.Districts[(org.Id + i) % SampleData.Districts.Length]);
                            table.Cell().AlignRight().Text(((org.Members / 30) + i).ToString("N0", Vietnamese));
                        }
                    });
                }
            });
            page.Footer().AlignCenter().Text(t =>
            {
                t.Span("Trang ");
                t.CurrentPageNumber();
                t.Span(" / ");
                t.TotalPages();
            });
        });
    });

    private static void Fact(ColumnDescriptor col, string label, string value) => col.Item().Row(row =>
    {
        row.ConstantItem(120).Text(label).FontColor(Colors.Grey.Darken2);
        row.RelativeItem().Text(value).Bold();
    });
}
