using System.Globalization;
using ReportEngine.Layout;

namespace ReportEngine.Benchmarks;

/// <summary>W1: the annual report's shape: cover, key figures, targets, a chart, the 1,392-row appendix.</summary>
internal static class W1Report
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly Color Accent = Color.FromHex("#1F4E79");

    public const string Title = "Báo cáo đánh giá công tác hội quần chúng năm 2024";

    public static Document Create() => Document.Create(doc =>
    {
        var orgs = SampleData.Organizations;
        doc.Metadata(new DocumentMetadata
        {
            Title = Title,
            Author = "Sở Nội vụ tỉnh Bình Thuận",
            Subject = "Đánh giá hội quần chúng",
            Keywords = "hội, quần chúng, 2024",
            Language = "vi-VN",
            CreationDate = SampleData.ReportDate,
            ModifiedDate = SampleData.ReportDate,
        });
        doc.Page(page =>
        {
            page.Size(PageSizes.A4);
            page.Margin(50);
            page.DefaultTextStyle(s => s.FontFamily("DejaVu Sans").FontSize(10));
            page.Header().BorderBottom(0.5f, Colors.Grey.Medium).PaddingBottom(4).Text("Sở Nội vụ tỉnh Bình Thuận").FontSize(8).FontColor(Colors.Grey.Darken2);
            page.Content().PaddingVertical(10).Column(col =>
            {
                col.Spacing(8);
                col.Item().PaddingTop(150).Text(Title).FontSize(24).Bold().FontColor(Accent).AlignCenter();
                col.Item().Text("Tỉnh Bình Thuận").FontSize(16).AlignCenter();
                col.Item().PageBreak();
                col.Item().Heading(1, "1. Số liệu chính");
                col.Item().Row(row =>
                {
                    row.Spacing(10);
                    Card(row.RelativeItem(), "Tổng số hội", orgs.Count.ToString("N0", Vietnamese));
                    Card(row.RelativeItem(), "Tổng số hội viên", orgs.Sum(o => o.Members).ToString("N0", Vietnamese));
                    Card(row.RelativeItem(), "Hội cấp tỉnh", orgs.Count(o => o.Scope == "Tỉnh").ToString("N0", Vietnamese));
                });
                col.Item().Text(t =>
                {
                    t.Justify();
                    t.Span("Năm 2024, các hội quần chúng trên địa bàn tỉnh tiếp tục củng cố tổ chức, phát triển hội viên và thực hiện các chỉ tiêu về tỷ lệ tập hợp. ");
                    t.Span("Báo cáo này tổng hợp số liệu của " + orgs.Count.ToString("N0", Vietnamese) + " tổ chức ở ba cấp tỉnh, huyện và xã, ");
                    t.Span("so sánh tỷ lệ thực hiện với chỉ tiêu được giao, và liệt kê toàn bộ các tổ chức ở phần phụ lục.");
                });
                col.Item().Table(table =>
                {
                    table.ColumnsDefinition(c => { c.RelativeColumn(3); c.RelativeColumn(1); c.RelativeColumn(1); c.RelativeColumn(1); });
                    table.CellBorder(0.5f, Colors.Grey.Lighten1);
                    table.HeaderBackground(Colors.Grey.Lighten3);
                    table.Header(h =>
                    {
                        h.Cell().Text("Chỉ tiêu").Bold();
                        h.Cell().AlignRight().Text("Chỉ tiêu").Bold();
                        h.Cell().AlignRight().Text("Thực hiện").Bold();
                        h.Cell().AlignRight().Text("Đánh giá").Bold();
                    });
                    foreach (var target in SampleData.Targets)
                    {
                        table.Cell().Text("Tỷ lệ tập hợp " + target.Name);
                        table.Cell().AlignRight().Text(target.TargetRate.ToString("P1", Vietnamese));
                        table.Cell().AlignRight().Text(target.ActualRate.ToString("P1", Vietnamese));
                        table.Cell().AlignRight().Text(target.ActualRate >= target.TargetRate ? "Đạt" : "Chưa đạt");
                    }
                });
                col.Item().Heading(2, "Hội viên theo loại hình");
                col.Item().Height(250).Chart(plot =>
                {
                    var byType = SampleData.Types.Select(t => orgs.Where(o => o.Type == t).Sum(o => o.Members)).ToArray();
                    var bars = plot.Add.Bars(byType.Select(v => (double)v).ToArray());
                    bars.Color = new ScottPlot.Color(0x1F, 0x4E, 0x79);
                    plot.Axes.Bottom.SetTicks(Enumerable.Range(0, byType.Length).Select(i => (double)i).ToArray(), SampleData.Types.Select(t => t.Replace("Hội ", "", StringComparison.Ordinal)).ToArray());
                    plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
                    plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
                    plot.YLabel("Hội viên");
                    plot.Axes.Margins(bottom: 0);
                });
                col.Item().PageBreak();
                col.Item().Heading(1, "Phụ lục: danh sách tổ chức");
                col.Item().Table(table => Appendix(table, orgs));
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

    private static void Card(IContainer container, string label, string value) =>
        container.Border(0.5f, Colors.Grey.Lighten1).Background(Colors.Grey.Lighten5).Padding(8).Column(c =>
        {
            c.Item().Text(label).FontSize(9).FontColor(Colors.Grey.Darken2);
            c.Item().Text(value).FontSize(18).Bold().FontColor(Accent);
        });

    private static void Appendix(TableDescriptor table, IReadOnlyList<Organization> orgs)
    {
        table.ColumnsDefinition(c =>
        {
            c.ConstantColumn(34);
            c.RelativeColumn(4);
            c.RelativeColumn(1.1f);
            c.RelativeColumn(1.8f);
            c.RelativeColumn(2.2f);
            c.ConstantColumn(50);
        });
        table.ZebraRows(Colors.Grey.Lighten4);
        table.HeaderBackground(Colors.Grey.Lighten2);
        table.Header(h =>
        {
            h.Cell().Text("STT").Bold();
            h.Cell().Text("Tên tổ chức").Bold();
            h.Cell().Text("Cấp").Bold();
            h.Cell().Text("Loại").Bold();
            h.Cell().Text("Địa bàn").Bold();
            h.Cell().AlignRight().Text("Hội viên").Bold();
        });
        foreach (var org in orgs)
        {
            table.Cell().Text(org.Id.ToString(CultureInfo.InvariantCulture));
            table.Cell().Text(org.Name);
            table.Cell().Text(org.Scope);
            table.Cell().Text(org.Kind);
            table.Cell().Text(org.District);
            table.Cell().AlignRight().Text(org.Members.ToString("N0", Vietnamese));
        }
    }
}
