using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportEngine.Layout.Tests;

public class LayoutTests
{
    private static PdfDocument Render(Action<IContainer> content, PageSize? size = null)
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Size(size ?? PageSizes.A6);
            page.Margin(20);
            content(page.Content());
        })).GeneratePdf();
        return PdfDocument.Open(bytes);
    }

    private static Word Find(Page page, string text) => page.GetWords().Single(w => w.Text == text);

    [Fact]
    public void Keep_together_moves_a_block_to_the_next_page_when_it_fits_there()
    {
        using var pdf = Render(c => c.Column(col =>
        {
            col.Item().Height(340).Text("filler");
            col.Item().KeepTogether().Column(block =>
            {
                for (var i = 1; i <= 6; i++)
                {
                    block.Item().Text($"kept{i}");
                }
            });
        }));
        Assert.Equal(2, pdf.NumberOfPages);
        var second = pdf.GetPage(2).GetWords().Select(w => w.Text).ToList();
        Assert.Equal(["kept1", "kept2", "kept3", "kept4", "kept5", "kept6"], second);
    }

    [Fact]
    public void Keep_together_splits_a_block_taller_than_a_page_instead_of_failing()
    {
        using var pdf = Render(c => c.KeepTogether().Column(block =>
        {
            for (var i = 1; i <= 60; i++)
            {
                block.Item().Text($"line{i}");
            }
        }));
        Assert.True(pdf.NumberOfPages >= 2);
        Assert.Equal(60, pdf.GetPages().Sum(p => p.GetWords().Count()));
    }

    [Fact]
    public void Ensure_space_starts_on_a_new_page_when_too_little_room_is_left()
    {
        using var pdf = Render(c => c.Column(col =>
        {
            col.Item().Height(330).Text("filler");
            col.Item().EnsureSpace(100).Column(block =>
            {
                for (var i = 1; i <= 30; i++)
                {
                    block.Item().Text($"line{i}");
                }
            });
        }));
        Assert.DoesNotContain(pdf.GetPage(1).GetWords(), w => w.Text.StartsWith("line", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_once_and_skip_once_in_the_header()
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6);
            page.Margin(20);
            page.Header().Column(col =>
            {
                col.Item().ShowOnce().Text("FirstOnly");
                col.Item().SkipOnce().Text("Continued");
            });
            page.Content().Column(col =>
            {
                for (var i = 0; i < 3; i++)
                {
                    col.Item().Text($"page{i}");
                    col.Item().PageBreak();
                }
            });
        })).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);
        var words = pdf.GetPages().Select(p => p.GetWords().Select(w => w.Text).ToHashSet()).ToList();
        Assert.Contains("FirstOnly", words[0]);
        Assert.DoesNotContain("Continued", words[0]);
        Assert.All(words.Skip(1), w => Assert.DoesNotContain("FirstOnly", w));
        Assert.All(words.Skip(1), w => Assert.Contains("Continued", w));
    }

    [Fact]
    public void Row_gives_constant_auto_and_relative_widths()
    {
        using var pdf = Render(c => c.Row(row =>
        {
            row.Spacing(10);
            row.ConstantItem(50).Text("const");
            row.AutoItem().Text("auto");
            row.RelativeItem(1).Text("rel1");
            row.RelativeItem(2).Text("rel2");
        }));
        var page = pdf.GetPage(1);
        var auto = Find(page, "auto");
        Assert.Equal(20 + 50 + 10, auto.BoundingBox.Left, 1);
        var rest = PageSizes.A6.Width - 40 - 50 - 30 - auto.BoundingBox.Width;
        Assert.Equal(auto.BoundingBox.Right + 10, Find(page, "rel1").BoundingBox.Left, 1);
        Assert.Equal(auto.BoundingBox.Right + 10 + rest / 3 + 10, Find(page, "rel2").BoundingBox.Left, 1);
    }

    [Fact]
    public void Text_wraps_at_spaces_and_after_hyphens_and_cuts_words_longer_than_a_line()
    {
        using var pdf = Render(c => c.Width(120).Text("Thành phố Phan Thiết-Bình Thuận Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa cuối"));
        var page = pdf.GetPage(1);
        Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right <= 20 + 120 + 0.05, $"{l.Value} at {l.BoundingBox.Right}"));
        var text = string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal("ThànhphốPhanThiết-BìnhThuậnAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaacuối", text);
        var lines = page.Letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count();
        Assert.True(lines >= 4, $"{lines} lines");
    }

    [Fact]
    public void Justified_lines_end_at_the_right_edge_and_the_last_line_does_not()
    {
        using var pdf = Render(c => c.Text(t =>
        {
            t.Justify();
            t.Span(string.Join(" ", Enumerable.Repeat("Hội quần chúng tỉnh Bình Thuận", 12)));
        }));
        var letters = pdf.GetPage(1).Letters.Where(l => l.Value != " ").GroupBy(l => Math.Round(l.StartBaseLine.Y)).OrderByDescending(g => g.Key).ToList();
        var right = PageSizes.A6.Width - 20;
        foreach (var line in letters.SkipLast(1))
        {
            Assert.Equal(right, line.Max(l => l.EndBaseLine.X), 0.5);
        }

        Assert.True(letters[^1].Max(l => l.EndBaseLine.X) < right - 0.5, $"last line ends at {letters[^1].Max(l => l.EndBaseLine.X)}");
    }

    [Fact]
    public void Centred_and_right_aligned_text_sit_where_measured()
    {
        using var pdf = Render(c => c.Column(col =>
        {
            col.Item().AlignCenter().Text("giữa");
            col.Item().AlignRight().Text("phải");
            col.Item().Text(t => { t.AlignRight(); t.Span("cuối"); });
        }));
        var page = pdf.GetPage(1);
        var right = PageSizes.A6.Width - 20;
        var centre = Find(page, "giữa").Letters;
        Assert.Equal(PageSizes.A6.Width / 2, (centre[0].StartBaseLine.X + centre[^1].EndBaseLine.X) / 2, 0.5);
        Assert.Equal(right, Find(page, "phải").Letters[^1].EndBaseLine.X, 0.1);
        Assert.Equal(right, Find(page, "cuối").Letters[^1].EndBaseLine.X, 0.1);
    }

    [Theory]
    [InlineData(SkiaSharp.SKEncodedImageFormat.Png)]
    [InlineData(SkiaSharp.SKEncodedImageFormat.Jpeg)]
    public void Images_are_scaled_to_the_available_width_keeping_their_proportions(SkiaSharp.SKEncodedImageFormat format)
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 20);
        bitmap.Erase(SkiaSharp.SKColors.CornflowerBlue);
        using var data = bitmap.Encode(format, 90);
        using var pdf = Render(c => c.Width(200).Image(data.ToArray()));
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(200, image.BoundingBox.Width, 0.5);
        Assert.Equal(100, image.BoundingBox.Height, 0.5);
    }

    [Fact]
    public void Charts_are_drawn_as_vectors_with_extractable_labels()
    {
        using var pdf = Render(c => c.Height(200).Chart(plot =>
        {
            plot.Add.Bars([1.0, 2, 3]);
            plot.Title("Biểu đồ hội viên");
        }), PageSizes.A5);
        var page = pdf.GetPage(1);
        Assert.Empty(page.GetImages());
        Assert.Contains("Biểu", page.GetWords().Select(w => w.Text));
    }

    [Fact]
    public void A_heading_is_never_left_alone_at_the_bottom_of_a_page()
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A6);
            page.Margin(20);
            page.Content().Column(col =>
            {
                col.Item().Height(330).Text("filler");
                col.Item().Heading(2, "Tiêu đề");
                col.Item().Height(60).Text("body");
            });
        })).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Equal(["Tiêu", "đề", "body"], pdf.GetPage(2).GetWords().Select(w => w.Text));
    }

    [Fact]
    public void Chart_value_labels_use_the_document_subset_fonts_not_a_whole_system_font()
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Margin(20);
            page.Content().Height(250).Chart(plot =>
            {
                var bars = plot.Add.Bars([3.0, 5, 4]);
                foreach (var bar in bars.Bars)
                {
                    bar.Label = bar.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " hội";
                }

                bars.ValueLabelStyle.FontSize = 12;
            });
        })).GeneratePdf();
        Assert.True(bytes.Length < 60_000, $"{bytes.Length} bytes: a whole font was embedded");
        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains("hội", pdf.GetPage(1).GetWords().Select(w => w.Text));
    }
}
