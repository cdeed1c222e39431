using System.Text.RegularExpressions;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Reports;

/// <summary>The annual assessment the demo renders, read back as a committee member would read it.</summary>
[Collection(DemoGroup.Name)]
public class AnnualAssessmentTests(DemoFixture demo)
{
    [Theory]
    [InlineData("vi", "toàn tỉnh có 1.392 hội quần chúng với 440.532 hội viên; trong đó 65 hội", "(14 hội", "và 51 hội", "124 hội", "1.203 hội")]
    [InlineData("en", "the province had 1,392 mass organisations with 440,532 members, of which 65 operate", "(14 assigned", "and 51 voluntary", "124 at district", "1,203 at commune")]
    [InlineData("pl", "prowincja liczyła 1 392 organizacji masowych zrzeszających 440 532 członków, w tym 65", "(14 z zadaniami", "oraz 51 dobrowolnych", "124 na szczeblu", "1 203 na szczeblu")]
    public void The_summary_sentence_carries_the_published_figures_in_the_language(string language, params string[] fragments)
    {
        var text = string.Join(" ", PdfText.Pages(demo.Pdf(language)));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("vi", "Hội Nông dân", "Đoàn Thanh niên", "Đạt", "Không đạt")]
    [InlineData("en", "Farmers' Association", "Youth Union", "Achieved", "Not achieved")]
    [InlineData("pl", "Związek Rolników", "Związek Młodzieży", "Osiągnięty", "Nieosiągnięty")]
    public void The_targets_table_lists_each_organisation_with_its_status(string language, string first, string last, string achieved, string notAchieved)
    {
        var text = string.Join(" ", PdfText.Pages(demo.Pdf(language)));
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(last, text, StringComparison.Ordinal);
        // A status is the cell after a row's rate and target: "Achieved" alone would also match "Not achieved" or a header.
        Assert.Matches($@"%\s+{Regex.Escape(achieved)}(\s|$)", text);
        Assert.Matches($@"%\s+{Regex.Escape(notAchieved)}(\s|$)", text);
    }

    [Fact]
    public void Youth_membership_below_its_target_is_marked_not_achieved()
    {
        var text = string.Join(" ", PdfText.Pages(demo.Pdf("en")));
        Assert.Contains("Youth Union 166,663 245,993 67.8% 72.5%", text, StringComparison.Ordinal);

        // The status cell is the one on the youth row's baseline in the last column.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(demo.Pdf("en"));
        var words = pdf.GetPages().Select(p => p.GetWords().ToList()).First(p => p.Any(w => w.Text == "Youth") && p.Any(w => w.Text == "245,993"));
        var youth = words.First(w => w.Text == "Youth");
        var column = words.First(w => w.Text == "Assessment");
        var status = words.Where(w => Math.Abs(w.BoundingBox.Bottom - youth.BoundingBox.Bottom) < 0.5 && w.BoundingBox.Left >= column.BoundingBox.Left - 1).Select(w => w.Text);
        Assert.Equal("Not achieved", string.Join(" ", status));
    }

    [Fact]
    public void The_appendix_numbers_every_active_organisation_once()
    {
        using var connection = SqliteDatabase.Open(demo.Database, readOnly: true);
        var names = connection.Query<string>(
            "SELECT name FROM organizations WHERE founded_on <= '2024-08-31' AND (dissolved_on IS NULL OR dissolved_on > '2024-08-31')").ToList();
        Assert.Equal(1392, names.Count);

        // The number column is the leftmost of the appendix table: read the words that start there.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(demo.Pdf("vi"));
        var pages = pdf.GetPages().ToList();
        // The appendix's first page: its heading over the table's header (the contents name it too, without a table).
        var first = pages.FindIndex(p => p.Text.Contains("Phụ lục", StringComparison.Ordinal) && p.Text.Contains("STT", StringComparison.Ordinal));
        var numbers = pages.Skip(first)
            .SelectMany(p => NumberColumn(p).Where(w => w.BoundingBox.Top < p.Height - 80 && w.BoundingBox.Bottom > 60))
            .Select(w => w.Text)
            .Where(t => t.All(c => char.IsAsciiDigit(c) || c == '.'))
            .Select(t => int.Parse(t.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 1392), numbers);

        // Every name's words are there (a long name wraps inside its cell, so its words need not be adjacent).
        var words = pages.Skip(first).SelectMany(p => p.GetWords()).Select(w => w.Text.Normalize(System.Text.NormalizationForm.FormC)).ToHashSet(StringComparer.Ordinal);
        Assert.All(names, name => Assert.All(name.Split(' '), word => Assert.Contains(word, words)));
    }

    [Fact]
    public void The_appendix_header_repeats_on_every_appendix_page()
    {
        var pages = PdfText.Pages(demo.Pdf("vi"));
        var appendixStart = pages.ToList().FindLastIndex(p => p.Contains("Phụ lục", StringComparison.Ordinal) && p.Contains("STT", StringComparison.Ordinal));
        Assert.True(pages.Count - appendixStart > 30, "the appendix runs over many pages");
        foreach (var page in pages.Skip(appendixStart))
        {
            Assert.Contains("STT Tên hội", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Organisations_to_correct_are_named_with_their_reason()
    {
        var text = string.Join(" ", PdfText.Pages(demo.Pdf("vi")));
        Assert.Contains("IV. Các hội cần chấn chỉnh", text, StringComparison.Ordinal);
        Assert.Contains("Không có hoạt động", text, StringComparison.Ordinal);
        Assert.Contains("Hội viên giảm mạnh", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contents_page_lists_the_sections_with_page_numbers()
    {
        // The contents follow the signed body, as in a Party document.
        var contents = PdfText.Pages(demo.Pdf("vi")).First(p => p.Contains("Mục lục", StringComparison.Ordinal));
        Assert.Contains("Mục lục", contents, StringComparison.Ordinal);
        Assert.Matches(@"I\. Tình hình chung \d+", contents);
        Assert.Matches(@"Phụ lục\. Danh sách các hội quần chúng \d+", contents);
    }

    /// <summary>The words of the appendix's number column: left of the name column, whose header "Tên" repeats on every page.</summary>
    private static IEnumerable<UglyToad.PdfPig.Content.Word> NumberColumn(UglyToad.PdfPig.Content.Page page)
    {
        var words = page.GetWords().ToList();
        var names = words.FirstOrDefault(w => w.Text == "Tên");
        return names is null ? [] : words.Where(w => w.BoundingBox.Right < names.BoundingBox.Left);
    }
}
