using ReportEngine.Layout.Text.Hyphenation;
using UglyToad.PdfPig;

namespace ReportEngine.Layout.Tests;

/// <summary>Words break inside only when nothing else solves it, and then at hyphenation points (en, pl).</summary>
public class TypographyTests
{
    private const float Margin = 40;

    private static byte[] Pdf(string language, Action<IContainer> content) => Document.Create(doc =>
    {
        doc.Metadata(new DocumentMetadata { Language = language });
        doc.Page(page =>
        {
            page.Size(PageSizes.A4);
            page.Margin(Margin);
            page.Content().Element(content);
        });
    }).GeneratePdf();

    private static List<string> Lines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(1).GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();
    }

    [Theory]
    [InlineData("en", "hyphenation", new[] { 2, 6 })] // hy-phen-ation: TeX's US patterns give hy-phen-ation
    [InlineData("en", "previous", new[] { 3, 5 })] // pre-vi-ous
    [InlineData("pl", "członkowie", new[] { 5, 7 })] // człon-ko-wie
    public void Patterns_give_the_dictionary_points(string language, string word, int[] expected)
    {
        var points = Hyphenator.For(language)!.Points(word);
        Assert.Equal(expected, points);
    }

    [Fact]
    public void Vietnamese_has_no_hyphenation_patterns()
    {
        Assert.Null(Hyphenator.For("vi-VN"));
        Assert.NotNull(Hyphenator.For("en-US"));
        Assert.NotNull(Hyphenator.For("pl-PL"));
    }

    [Fact]
    public void A_header_word_gets_a_column_wide_enough_instead_of_breaking()
    {
        // "Organizations" in a 1-weight column of 8 is narrower than the word at 12 pt; other columns have room.
        var pdf = Pdf("en", c => c.Table(t =>
        {
            t.ColumnsDefinition(cols =>
            {
                cols.RelativeColumn(1);
                cols.RelativeColumn(7);
            });
            t.Header(h =>
            {
                h.Cell().Text("Organizations").FontSize(30);
                h.Cell().Text("Name").FontSize(30);
            });
            t.Cell().Text("1");
            t.Cell().Text("Lâm Đồng");
        }));

        var lines = Lines(pdf);
        Assert.Equal("Organizations Name", lines[0]);
    }

    /// <summary>Two header columns, each holding a word too wide for half the table at 12 pt (a 2:1 split would not help either).</summary>
    private static byte[] TwoWideHeaders(float tableWidth) => Pdf("en", c => c.Width(tableWidth).Table(t =>
    {
        t.ColumnsDefinition(cols =>
        {
            cols.RelativeColumn(1);
            cols.RelativeColumn(1);
        });
        t.Header(h =>
        {
            h.Cell().Text("Organizations").FontSize(12);
            h.Cell().Text("Organizations").FontSize(12);
        });
        t.Cell().Text("1").FontSize(12);
        t.Cell().Text("2").FontSize(12);
    }));

    private static List<double> HeaderSizes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(1).Letters.Where(l => char.IsLetter(l.Value[0])).Select(l => Math.Round(l.PointSize, 2)).Distinct().ToList();
    }

    [Fact]
    public void A_header_word_no_rebalancing_can_fit_takes_a_narrower_font_step_instead_of_breaking()
    {
        // "Organizations" is about 85 pt at 12 pt: two of them (plus padding) need ~186 pt; 150 pt holds them at 9.5-10 pt.
        var pdf = TwoWideHeaders(150);
        Assert.Equal("Organizations Organizations", Lines(pdf)[0]);
        var size = Assert.Single(HeaderSizes(pdf));
        Assert.InRange(size, Tables.HeaderFontStep.Floor, 11.5);
        Assert.Equal(0, size * 2 % 1, 3); // a half-point step, not an arbitrary fraction
    }

    [Fact]
    public void A_header_word_too_wide_even_at_the_floor_breaks_at_a_hyphenation_point_in_the_floor_size()
    {
        var pdf = TwoWideHeaders(90);
        Assert.Equal([(double)Tables.HeaderFontStep.Floor], HeaderSizes(pdf));
        var lines = Lines(pdf);
        Assert.Contains(lines, l => l.Split(' ').Any(w => w.EndsWith('-')));
        Assert.DoesNotContain(lines, l => l.Contains("Organizations", StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_wider_than_the_whole_line_breaks_at_a_hyphenation_point_with_a_hyphen()
    {
        var pdf = Pdf("en", c => c.Width(110).Text("hyphenation hyphenation").FontSize(30));
        var lines = Lines(pdf);

        // "hyphenation" at 30 pt is about 180 pt wide: it breaks, but only at hy-phen-ation.
        Assert.Equal(["hy-", "phen-", "ation", "hy-", "phen-", "ation"], lines);
        Assert.Equal("hyphenationhyphenation", string.Concat(lines).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Vietnamese_never_breaks_inside_a_syllable()
    {
        const string text = "Báo cáo đánh giá công tác hội quần chúng năm 2024 của Ban Thường vụ Tỉnh ủy";
        var pdf = Pdf("vi-VN", c => c.Width(90).Text(text).FontSize(14));
        var syllables = text.Split(' ').ToHashSet(StringComparer.Ordinal);
        Assert.All(Lines(pdf).SelectMany(l => l.Split(' ')), w => Assert.Contains(w, syllables));
    }

    [Fact]
    public void A_centred_title_leaves_no_single_word_on_its_last_line()
    {
        const string title = "Assessment of mass organization work 2024";
        static byte[] Title(float width) => Pdf("en", c => c.Width(width).Text(title).FontSize(14).AlignCenter());

        // Just narrower than the title on one line: a greedy break leaves "2024" alone on the second line.
        using var wide = PdfDocument.Open(Title(500));
        var words = wide.GetPage(1).GetWords().ToList();
        var natural = words.Max(w => w.BoundingBox.Right) - words.Min(w => w.BoundingBox.Left);
        var lines = Lines(Title((float)natural - 2));
        Assert.Equal(2, lines.Count);
        Assert.Contains(' ', lines[^1]);
        Assert.Equal(title, string.Join(' ', lines));
    }
}
