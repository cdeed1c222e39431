using System.Globalization;
using ReportEngine.Layout.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportEngine.Layout.Tests;

public class TableTests
{
    private const float Margin = 40;

    private static List<int> FirstColumnNumbers(Page page) => page.GetWords()
        .Where(w => w.BoundingBox.Left < Margin + 30 && int.TryParse(w.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        .OrderByDescending(w => w.BoundingBox.Bottom)
        .Select(w => int.Parse(w.Text, CultureInfo.InvariantCulture))
        .ToList();

    [Fact]
    public void Table_header_repeats_on_every_page()
    {
        using var pdf = PdfDocument.Open(SampleDocuments.Table(1392).GeneratePdf());
        Assert.True(pdf.NumberOfPages > 10, $"pages: {pdf.NumberOfPages}");
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var top = words.Where(w => w.BoundingBox.Bottom < page.Height - 50).Max(w => w.BoundingBox.Top);
            var headerRow = words.Where(w => Math.Abs(w.BoundingBox.Top - top) < 2).Select(w => w.Text).ToList();
            Assert.Equal(["STT", "Tên", "tổ", "chức", "Hội", "viên"], headerRow);
        }
    }

    [Fact]
    public void No_row_is_lost_or_duplicated_across_pages_of_a_1392_row_table()
    {
        using var pdf = PdfDocument.Open(SampleDocuments.Table(1392).GeneratePdf());
        var numbers = pdf.GetPages().SelectMany(FirstColumnNumbers).ToList();
        Assert.Equal(Enumerable.Range(1, 1392), numbers);
    }

    [Fact]
    public void Right_aligned_cell_ends_at_the_column_edge()
    {
        using var pdf = PdfDocument.Open(SampleDocuments.Table(60).GeneratePdf());
        var page = pdf.GetPage(1);
        var contentRight = PageSizes.A4.Width - Margin;
        var numbers = page.GetWords().Where(w => w.BoundingBox.Left > page.Width * 0.75 && w.BoundingBox.Bottom > Margin + 30 && char.IsDigit(w.Text[0])).ToList();
        Assert.NotEmpty(numbers);

        // Cells have 4 pt of horizontal padding; glyph boxes may stop short of the advance by a fraction of a point.
        Assert.All(numbers, w => Assert.InRange(w.BoundingBox.Right, contentRight - 4 - 1.5, contentRight - 4 + 0.05));
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_page_content_box()
    {
        using var pdf = PdfDocument.Open(SampleDocuments.Table(400).GeneratePdf());
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                Assert.InRange(letter.BoundingBox.Left, Margin - 0.05, PageSizes.A4.Width - Margin + 0.05);
                Assert.InRange(letter.BoundingBox.Right, Margin - 0.05, PageSizes.A4.Width - Margin + 0.05);
                Assert.InRange(letter.BoundingBox.Bottom, Margin - 3, page.Height - Margin + 0.01);
                Assert.InRange(letter.BoundingBox.Top, Margin - 0.01, page.Height - Margin + 0.01);
            }
        }
    }

    [Fact]
    public void A_row_that_does_not_fit_moves_whole_to_the_next_page()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6);
            page.Margin(20);
            page.Content().Table(table =>
            {
                table.ColumnsDefinition(c => { c.ConstantColumn(30); c.RelativeColumn(); });
                for (var i = 1; i <= 30; i++)
                {
                    table.Cell().Text($"R{i}");
                    table.Cell().Text($"first{i}\nsecond{i}\nthird{i}");
                }
            });
        }));
        using var pdf = PdfDocument.Open(document.GeneratePdf());
        Assert.True(pdf.NumberOfPages > 1);
        for (var i = 1; i <= 30; i++)
        {
            var pages = pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text.EndsWith(i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                && (w.Text == $"R{i}" || w.Text == $"first{i}" || w.Text == $"third{i}"))).Select(p => p.Number).Distinct().ToList();
            Assert.Single(pages);
        }
    }

    [Fact]
    public void A_row_taller_than_a_page_splits_cleanly_without_losing_lines()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"line{i}").ToList();
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6);
            page.Margin(20);
            page.Content().Table(table =>
            {
                table.ColumnsDefinition(c => { c.ConstantColumn(40); c.RelativeColumn(); });
                table.Header(h => { h.Cell().Text("No"); h.Cell().Text("Text"); });
                table.Cell().Text("tall");
                table.Cell().Text(string.Join("\n", lines));
                table.Cell().Text("after");
                table.Cell().Text("end");
            });
        }));
        using var pdf = PdfDocument.Open(document.GeneratePdf());
        Assert.True(pdf.NumberOfPages >= 3);
        var found = pdf.GetPages().SelectMany(p => p.GetWords().OrderByDescending(w => w.BoundingBox.Bottom))
            .Select(w => w.Text).Where(t => t.StartsWith("line", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines, found);
        Assert.All(pdf.GetPages(), p => Assert.Contains(p.GetWords(), w => w.Text == "No"));
    }

    [Fact]
    public void Rows_built_on_demand_render_like_rows_built_up_front()
    {
        static Document Build(bool lazy) => Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Margin(30);
            page.Content().Table(table =>
            {
                table.ColumnsDefinition(c => { c.ConstantColumn(40); c.RelativeColumn(); });
                table.ZebraRows(Colors.Grey.Lighten4);
                table.Header(h => { h.Cell().Text("#"); h.Cell().Text("Tên"); });
                if (lazy)
                {
                    table.Rows(200, (i, row) => { row.Cell().Text($"{i + 1}"); row.Cell().Text($"Hội số {i + 1}"); });
                }
                else
                {
                    for (var i = 0; i < 200; i++)
                    {
                        table.Cell().Text($"{i + 1}");
                        table.Cell().Text($"Hội số {i + 1}");
                    }
                }
            });
        }));

        Assert.Equal(Build(lazy: false).GeneratePdf(), Build(lazy: true).GeneratePdf());
    }

    [Fact]
    public void Cells_span_columns_and_rows()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Margin(30);
            page.Content().Table(table =>
            {
                table.ColumnsDefinition(c => { c.RelativeColumn(); c.RelativeColumn(); c.RelativeColumn(); });
                table.Cell().ColumnSpan(2).Text("AB");
                table.Cell().RowSpan(2).Text("C");
                table.Cell().Text("D");
                table.Cell().Text("E");
            });
        }));
        using var pdf = PdfDocument.Open(document.GeneratePdf());
        var words = pdf.GetPage(1).GetWords().ToDictionary(w => w.Text);
        var third = (pdf.GetPage(1).Width - 60) / 3;
        Assert.InRange(words["C"].BoundingBox.Left, 30 + 2 * third, 30 + 2 * third + 6);
        Assert.InRange(words["D"].BoundingBox.Left, 30, 30 + 6);
        Assert.InRange(words["E"].BoundingBox.Left, 30 + third, 30 + third + 6);
        Assert.True(words["D"].BoundingBox.Top < words["AB"].BoundingBox.Bottom);
    }
}
