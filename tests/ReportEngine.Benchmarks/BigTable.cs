using System.Globalization;
using ReportEngine.Layout;

namespace ReportEngine.Benchmarks;

/// <summary>BIG: a 10,000-page table, rows built on demand so memory stays flat.</summary>
internal static class BigTable
{
    /// <summary>Rows per A4 page at this style (measured): the row count is chosen to give 10,000 pages.</summary>
    public const int RowsPerPage = 50;

    public static Document Create(int pages = 10_000) => Document.Create(doc =>
    {
        var orgs = SampleData.Organizations;
        doc.Metadata(new DocumentMetadata { Title = "Bảng lớn", Language = "vi-VN", CreationDate = SampleData.ReportDate });
        doc.Page(page =>
        {
            page.Size(PageSizes.A4);
            page.Margin(40);
            page.DefaultTextStyle(s => s.FontSize(9));
            page.Content().Table(table =>
            {
                table.ColumnsDefinition(c => { c.ConstantColumn(50); c.RelativeColumn(4); c.RelativeColumn(2); c.ConstantColumn(60); });
                table.ZebraRows(Colors.Grey.Lighten4);
                table.Header(h =>
                {
                    h.Cell().Text("STT").Bold();
                    h.Cell().Text("Tên tổ chức").Bold();
                    h.Cell().Text("Địa bàn").Bold();
                    h.Cell().AlignRight().Text("Hội viên").Bold();
                });
                table.Rows(pages * RowsPerPage, (i, row) =>
                {
                    var org = orgs[i % orgs.Count];
                    row.Cell().Text((i + 1).ToString(CultureInfo.InvariantCulture));
                    row.Cell().Text(org.Name);
                    row.Cell().Text(org.District);
                    row.Cell().AlignRight().Text(org.Members.ToString(CultureInfo.InvariantCulture));
                });
            });
            page.Footer().AlignCenter().Text(t =>
            {
                t.CurrentPageNumber();
                t.Span(" / ");
                t.TotalPages();
            });
        });
    });
}
