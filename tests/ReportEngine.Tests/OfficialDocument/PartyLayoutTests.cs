using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// The annual assessment and the committee report read as Party documents (Guidance 36-HD/VPTW): every mandatory
/// part of the first page in its place, and the signature block with the recipients at the end of the body.
/// Positions are PDF points, origin bottom left; A4 is 595.28 x 841.89; the margins are 30 mm left, 15 mm right.
/// </summary>
[Collection(DemoGroup.Name)]
public class PartyLayoutTests(DemoFixture demo)
{
    private const double PageWidth = 595.28;
    private const double ContentLeft = 30 * 72 / 25.4;
    private const double ContentRight = PageWidth - (15 * 72 / 25.4);
    private const double Middle = (ContentLeft + ContentRight) / 2;

    [Fact]
    public void The_heading_is_top_right_on_the_first_line_underlined_by_a_rule_as_long_as_it()
    {
        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var page = pdf.GetPage(1);
        var heading = Line(page, "ĐẢNG CỘNG SẢN VIỆT NAM");
        Assert.True(heading.Left > Middle - 40, $"the heading starts at x={heading.Left}, not in the right part");
        Assert.True(heading.Top > page.Height - 80, $"the heading's top is at y={heading.Top}, not on the first line");
        Assert.True(page.GetWords().All(w => w.BoundingBox.Top <= heading.Top + 2), "something is printed above the heading");

        // A rule: a path a point or so high, just under the heading, as long as the heading (±2 pt).
        var rules = page.Paths.Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Where(r => r.Height < 2 && r.Top < heading.Bottom && r.Top > heading.Bottom - 8).ToList();
        Assert.Contains(rules, r => Math.Abs(r.Left - heading.Left) <= 2 && Math.Abs(r.Right - heading.Right) <= 2);
    }

    [Fact]
    public void The_issuing_body_and_the_number_are_top_left_with_the_asterisk_between()
    {
        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var page = pdf.GetPage(1);
        var body = Line(page, "TỈNH ỦY BÌNH THUẬN");
        var heading = Line(page, "ĐẢNG CỘNG SẢN VIỆT NAM");
        Assert.True(body.Right < Middle, $"the issuing body ends at x={body.Right}, not in the left part");
        Assert.True(Math.Abs(body.Bottom - heading.Bottom) < 3, "the issuing body is not on the heading's line");

        var asterisk = page.GetWords().Single(w => w.Text == "*").BoundingBox;
        Assert.True(asterisk.Top < body.Bottom && asterisk.Top > body.Bottom - 20, "no asterisk under the issuing body");

        // No number yet (the run has none): "Số", a blank to write it in, then "-BC/TU".
        var number = Line(page, "Số -BC/TU");
        Assert.True(number.Right < Middle && number.Top < asterisk.Bottom + 2, "the number line is not under the issuing body");
        var words = WordsOn(page, number);
        Assert.True(words[1].BoundingBox.Left - words[0].BoundingBox.Right > 20, "no blank left for the number");
    }

    [Fact]
    public void The_place_and_date_are_under_the_heading_in_the_Vietnamese_form()
    {
        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var page = pdf.GetPage(1);
        var heading = Line(page, "ĐẢNG CỘNG SẢN VIỆT NAM");
        var date = Line(page, "Phan Thiết, ngày 31 tháng 8 năm 2024");
        Assert.True(date.Top < heading.Bottom && date.Top > heading.Bottom - 40, "the date line is not under the heading");
        Assert.True(date.Left > Middle - 60, "the date line is not on the right");
    }

    [Fact]
    public void The_document_type_and_summary_are_centred_under_the_heading_block()
    {
        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var page = pdf.GetPage(1);
        var type = Line(page, "BÁO CÁO");
        var summary = Line(page, "đánh giá công tác hội quần chúng năm 2024");
        var number = Line(page, "Số -BC/TU");
        Assert.True(type.Top < number.Bottom, "the document type is not below the number line");
        Assert.True(summary.Top < type.Bottom && summary.Top > type.Bottom - 12, "the summary does not follow the type");
        Assert.InRange((type.Left + type.Right) / 2, Middle - 2, Middle + 2);
        Assert.InRange((summary.Left + summary.Right) / 2, Middle - 2, Middle + 2);
        var bold = page.GetWords().First(w => w.Text == "BÁO").Letters[0].FontName;
        Assert.Contains("Bold", bold, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_is_set_in_Liberation_Serif()
    {
        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var page = pdf.GetPage(1);
        var word = page.GetWords().First(w => w.Text == "1.392" && w.Letters[0].PointSize < 14);
        Assert.Contains("LiberationSerif", page.GetWords().First(w => w.Text == "Tính").Letters[0].FontName, StringComparison.Ordinal);
        Assert.NotNull(word);
    }

    [Fact]
    public void The_last_body_page_ends_with_the_signature_block_and_the_committees_recipients()
    {
        using var connection = SqliteDatabase.Open(demo.Database, readOnly: true);
        var committee = connection.QuerySingle<(long Id, string Name)>(
            "SELECT c.id, c.signer_name FROM committees c JOIN localities l ON l.id = c.locality_id WHERE l.code = 'binh-thuan'");
        var addresses = connection.Query<string>("SELECT address FROM committee_recipients WHERE committee_id = @Id", new { committee.Id }).ToList();
        Assert.NotEmpty(addresses);

        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var pages = pdf.GetPages().ToList();
        var contents = pages.FindIndex(p => p.Text.Contains("Mục lục", StringComparison.Ordinal));
        var page = pages[contents - 1]; // the contents follow the signed body
        var recipientsTitle = Line(page, "Nơi nhận:");
        Assert.True(recipientsTitle.Right < Middle, "Nơi nhận is not on the left");
        var authority = Line(page, "T/M BAN THƯỜNG VỤ");
        var position = Line(page, "PHÓ BÍ THƯ");
        var signer = Line(page, committee.Name);
        Assert.True(authority.Left > Middle - 20 && position.Top < authority.Bottom && signer.Top < position.Bottom - 60,
            "authority, position, space for the signature and the name are not stacked on the right");

        foreach (var address in addresses.Append("Lưu Văn phòng."))
        {
            var line = Line(page, "- " + address + (address.EndsWith('.') ? "" : ","));
            Assert.True(line.Top < recipientsTitle.Bottom && line.Right < Middle + 40, $"{address} is not listed under Nơi nhận");
        }

        // The named area "signature": loc-signature (top left) and loc-signature.end (bottom right), between position and name.
        var raw = Encoding.Latin1.GetString(File.ReadAllBytes(demo.Pdf("vi")));
        var start = Destination(raw, "loc-signature");
        var end = Destination(raw, "loc-signature.end");
        Assert.True(end.X - start.X > 100 && start.Y - end.Y > 50, "the signature area is not a rectangle of useful size");
        Assert.InRange(start.Y, signer.Top, position.Bottom + 1);
        Assert.InRange(end.Y, signer.Top - 1, position.Bottom);
    }

    [Theory]
    [InlineData("en", "COMMUNIST PARTY OF VIETNAM", "Phan Thiết, 31 August 2024", "REPORT", "No. -BC/TU", "Recipients:", "- Office file copy.")]
    [InlineData("pl", "KOMUNISTYCZNA PARTIA WIETNAMU", "Phan Thiết, 31 sierpnia 2024 r.", "SPRAWOZDANIE", "Nr -BC/TU", "Otrzymują:", "- a/a Biura.")]
    public void The_English_and_Polish_editions_carry_the_same_parts(string language, string heading, string date, string type, string number, string recipients, string officeCopy)
    {
        using var pdf = PdfDocument.Open(demo.Pdf(language));
        var page = pdf.GetPage(1);
        Assert.True(Line(page, heading).Left > Middle - 60);
        Assert.True(Line(page, number).Right < Middle);
        Assert.True(Line(page, date).Left > Middle - 80);
        Assert.InRange((Line(page, type).Left + Line(page, type).Right) / 2, Middle - 2, Middle + 2);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains(recipients.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(officeCopy.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_report_prints_its_committees_record_and_a_locality_without_one_prints_defaults()
    {
        using var output = new TempFolder();
        var database = output.File("reports.db");
        using (var connection = SqliteDatabase.Open(demo.Database, readOnly: true))
        {
            connection.Execute("VACUUM INTO @database", new { database });
        }

        var withRecord = await Render(database, output, "tuy-phong");
        var page = withRecord.GetPage(1);
        Assert.True(Line(page, "HUYỆN ỦY TUY PHONG").Right < Middle);
        // A numbered run is dated the day its number was issued, and prints that number.
        var (number, date) = LastNumber(database);
        Assert.Matches(@"^\d+-BC/HU$", number);
        Assert.True(Line(page, "Tuy Phong, " + VietnameseDate(date)).Left > Middle - 60);
        Line(page, "Số " + number);

        using (var connection = SqliteDatabase.Open(database))
        {
            connection.Execute("""
                DELETE FROM committee_recipients WHERE committee_id = (SELECT c.id FROM committees c JOIN localities l ON l.id = c.locality_id WHERE l.code = 'tuy-phong');
                DELETE FROM committees WHERE locality_id = (SELECT id FROM localities WHERE code = 'tuy-phong');
                """);
        }

        var without = await Render(database, output, "tuy-phong");
        var first = without.GetPage(1);
        Assert.True(Line(first, "HUYỆN ỦY TUY PHONG").Right < Middle);
        Assert.True(Line(first, "Tuy Phong, " + VietnameseDate(LastNumber(database).Date)).Left > Middle - 60);
        var last = without.GetPage(without.NumberOfPages);
        var title = Line(last, "Nơi nhận:");
        var listed = last.GetWords().Where(w => w.BoundingBox.Top < title.Bottom && w.BoundingBox.Right < Middle).Select(w => w.Text);
        Assert.Equal("- Lưu Văn phòng.", string.Join(" ", listed));
        Line(last, "T/M BAN THƯỜNG VỤ");
    }

    [Fact]
    public void The_body_text_is_14_pt_as_36_HD_VPTW_Appendix_3_sets_content()
    {
        // The first upright, regular line under the title block of page 1 (the summary above it is bold): the body's first paragraph.
        using var pdf = PdfDocument.Open(demo.Pdf("vi"));
        var page = pdf.GetPage(1);
        var type = Line(page, "BÁO CÁO");
        var regular = page.Letters.Where(l => l.BoundingBox.Top < type.Bottom && char.IsLetter(l.Value[0])
            && !(l.FontName ?? "").Contains("Bold", StringComparison.OrdinalIgnoreCase) && !(l.FontName ?? "").Contains("Italic", StringComparison.OrdinalIgnoreCase)).ToList();
        var first = regular.GroupBy(l => Math.Round(l.StartBaseLine.Y)).OrderByDescending(g => g.Key).First().ToList();
        Assert.True(first.Count > 10, "no paragraph under the title");
        Assert.All(first, l => Assert.Equal(14, Math.Round(l.PointSize, 1)));
    }

    /// <summary>
    /// The committee's record is stored in Vietnamese ("TỈNH ỦY BÌNH THUẬN", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"); the en and pl
    /// editions print the issuing body, authority and position in their language (strings' party_terms), the place and
    /// the signer's name, being names, as stored.
    /// </summary>
    [Theory]
    [InlineData("en", "PROVINCIAL PARTY COMMITTEE OF BÌNH THUẬN", "ON BEHALF OF THE STANDING COMMITTEE", "DEPUTY SECRETARY", "Phan Thiết, 31 August 2024")]
    [InlineData("pl", "PROWINCJONALNY KOMITET PARTII BÌNH THUẬN", "W IMIENIU STAŁEGO KOMITETU", "ZASTĘPCA SEKRETARZA", "Phan Thiết, 31 sierpnia 2024 r.")]
    public void The_English_and_Polish_editions_print_the_committees_Vietnamese_record_in_their_language(
        string language, string body, string authority, string position, string placeAndDate)
    {
        using var connection = SqliteDatabase.Open(demo.Database, readOnly: true);
        var name = connection.QuerySingle<string>("SELECT signer_name FROM committees WHERE code = 'binh-thuan'");
        using var pdf = PdfDocument.Open(demo.Pdf(language));
        var first = pdf.GetPage(1);
        var asterisk = first.GetWords().Single(w => w.Text == "*").BoundingBox;
        var left = first.GetWords().Where(w => w.BoundingBox.Bottom > asterisk.Top && w.BoundingBox.Right < Middle)
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text);
        Assert.Equal(body, string.Join(" ", left).Normalize(NormalizationForm.FormC));
        Line(first, placeAndDate);

        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(NormalizationForm.FormC);
        Assert.DoesNotContain("TỈNH ỦY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("THƯỜNG VỤ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BÍ THƯ", text, StringComparison.Ordinal);
        var pages = pdf.GetPages().ToList();
        var signed = Assert.Single(pages, p => p.GetWords().Any(w => w.Text == name.Split(' ')[^1]) && p.Text.Contains(position.Split(' ')[0], StringComparison.Ordinal));
        // On the right of the block (beside the recipients' title, which sits 14 pt lower): authority (it may wrap), position, name.
        var recipients = signed.GetWords().Single(w => w.Text.EndsWith(':') && w.BoundingBox.Right < Middle && w.BoundingBox.Left < ContentLeft + 2).BoundingBox;
        var right = signed.GetWords().Where(w => w.BoundingBox.Bottom < recipients.Top + 20 && w.BoundingBox.Left > Middle - 20)
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text);
        Assert.Equal($"{authority} {position} {name}", string.Join(" ", right).Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public void The_first_page_matches_its_golden_image()
    {
        using var output = new TempFolder();
        var prefix = output.File("page");
        using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-png", "-singlefile", demo.Pdf("vi"), prefix])
        {
            RedirectStandardError = true,
        })!)
        {
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        }

        var expected = Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "OfficialDocument", "ExpectedOutput", "annual-assessment-vi-page1.png");
        var actual = File.ReadAllBytes(prefix + ".png");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expected)!);
            File.WriteAllBytes(expected, actual);
        }

        using var want = SKBitmap.Decode(expected);
        using var got = SKBitmap.Decode(actual);
        Assert.Equal((want.Width, want.Height), (got.Width, got.Height));
        var different = 0;
        for (var y = 0; y < want.Height; y++)
        {
            for (var x = 0; x < want.Width; x++)
            {
                var (e, a) = (want.GetPixel(x, y), got.GetPixel(x, y));
                if (Math.Abs(e.Red - a.Red) > 24 || Math.Abs(e.Green - a.Green) > 24 || Math.Abs(e.Blue - a.Blue) > 24)
                {
                    different++;
                }
            }
        }

        // Anti-aliasing noise only: at most 0.2% of pixels differ beyond 24 levels a channel.
        Assert.True(different <= want.Width * want.Height * 0.002, $"{different} pixels differ; the page now looks different (UPDATE_GOLDEN=1 rewrites the image).");
    }

    /// <summary>The number and date of the newest run, as its record holds them.</summary>
    private static (string Number, string Date) LastNumber(string database)
    {
        using var connection = SqliteDatabase.Open(database, readOnly: true);
        return connection.QuerySingle<(string, string)>("SELECT document_number, document_date FROM runs ORDER BY id DESC LIMIT 1");
    }

    /// <summary>"ngày 02 tháng 12 năm 2026": the day in two digits, the month as it is said.</summary>
    private static string VietnameseDate(string isoDate)
    {
        var day = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ngày {day.Day:00} tháng {day.Month} năm {day.Year}");
    }

    private static async Task<PdfDocument> Render(string database, TempFolder output, string locality)
    {
        var folder = output.File(Guid.NewGuid().ToString("N"));
        var run = await CliRun.Invoke("run", "committee-report", "--set", "locality=" + locality, "--set", "year=2024",
            "--lang", "vi", "--out", folder, "--db", database, "--archive", Path.Combine(folder, "archive"));
        Assert.True(run.ExitCode == 0, run.Error);
        return PdfDocument.Open(run.OutputLines[0]);
    }

    /// <summary>The box of the words on one baseline that read, joined by spaces, exactly the text given.</summary>
    internal static UglyToad.PdfPig.Core.PdfRectangle Line(Page page, string text)
    {
        var wanted = text.Normalize(NormalizationForm.FormC);
        var words = page.GetWords().ToList();
        foreach (var line in words.GroupBy(w => Math.Round(w.BoundingBox.Bottom)))
        {
            var ordered = line.OrderBy(w => w.BoundingBox.Left).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i; j < ordered.Count; j++)
                {
                    var joined = string.Join(" ", ordered.Skip(i).Take(j - i + 1).Select(w => w.Text)).Normalize(NormalizationForm.FormC);
                    if (joined == wanted)
                    {
                        var run = ordered.Skip(i).Take(j - i + 1).ToList();
                        return new UglyToad.PdfPig.Core.PdfRectangle(run[0].BoundingBox.Left, run.Min(w => w.BoundingBox.Bottom), run[^1].BoundingBox.Right, run.Max(w => w.BoundingBox.Top));
                    }
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"\"{text}\" is not on one line of page {page.Number}: {string.Join(" ", words.Select(w => w.Text))}");
    }

    private static List<Word> WordsOn(Page page, UglyToad.PdfPig.Core.PdfRectangle box) =>
        page.GetWords().Where(w => w.BoundingBox.Left >= box.Left - 0.5 && w.BoundingBox.Right <= box.Right + 0.5 && Math.Abs(w.BoundingBox.Bottom - box.Bottom) < 2)
            .OrderBy(w => w.BoundingBox.Left).ToList();

    private static (double X, double Y) Destination(string pdf, string name)
    {
        var match = new Regex(@"/" + Regex.Escape(name) + @" \[\d+ 0 R /XYZ ([\d.]+) ([\d.]+)").Match(pdf);
        Assert.True(match.Success, $"no named destination {name}");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
