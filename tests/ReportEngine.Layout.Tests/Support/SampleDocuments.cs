using System.Globalization;

namespace ReportEngine.Layout.Tests.Support;

/// <summary>Documents shared by tests: small, deterministic, with fixed dates.</summary>
internal static class SampleDocuments
{
    public static readonly DateTimeOffset FixedDate = new(2024, 9, 1, 0, 0, 0, TimeSpan.FromHours(7));

    public static readonly string[] Names =
    [
        "Hội Chữ thập đỏ", "Hội Nông dân", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên",
        "Liên đoàn Lao động", "Hội Người cao tuổi", "Hội Khuyến học",
    ];

    public static Document Table(int rows, Action<DocumentDescriptor>? extra = null) => Document.Create(doc =>
    {
        doc.Metadata(new DocumentMetadata { Title = "Bảng", CreationDate = FixedDate, Language = "vi-VN" });
        doc.Page(page =>
        {
            page.Size(PageSizes.A4);
            page.Margin(40);
            page.DefaultTextStyle(s => s.FontSize(9));
            page.Header().Text("Phụ lục: danh sách tổ chức").Bold();
            page.Content().PaddingVertical(6).Table(table =>
            {
                table.ColumnsDefinition(c =>
                {
                    c.ConstantColumn(40);
                    c.RelativeColumn(3);
                    c.RelativeColumn(1);
                });
                table.Header(h =>
                {
                    h.Cell().Text("STT").Bold();
                    h.Cell().Text("Tên tổ chức").Bold();
                    h.Cell().AlignRight().Text("Hội viên").Bold();
                });
                for (var i = 1; i <= rows; i++)
                {
                    table.Cell().Text(i.ToString(CultureInfo.InvariantCulture));
                    table.Cell().Text($"{Names[i % Names.Length]} xã {i}");
                    table.Cell().AlignRight().Text((i * 37 % 5000).ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
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
        extra?.Invoke(doc);
    });
}
