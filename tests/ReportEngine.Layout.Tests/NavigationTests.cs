using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace ReportEngine.Layout.Tests;

public class NavigationTests
{
    private static Document Chapters() => Document.Create(doc =>
    {
        doc.Metadata(new DocumentMetadata { Title = "Chương", Language = "vi-VN", CreationDate = Support.SampleDocuments.FixedDate });
        doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Margin(30);
            page.Content().Column(col =>
            {
                col.Item().Heading(1, "Mục lục");
                col.Item().TableOfContents();
                for (var chapter = 1; chapter <= 3; chapter++)
                {
                    col.Item().PageBreak();
                    col.Item().Heading(1, $"Chương {chapter}");
                    col.Item().Text("Nội dung mở đầu.");
                    col.Item().Heading(2, $"Mục {chapter}.1");
                    for (var p = 0; p < 40; p++)
                    {
                        col.Item().Text($"Đoạn văn {p} của chương {chapter}.");
                    }
                }
            });
            page.Footer().AlignCenter().Text(t => t.CurrentPageNumber());
        });
    });

    private static Dictionary<string, int> HeadingPages(PdfDocument pdf)
    {
        var pages = new Dictionary<string, int>();
        foreach (var page in pdf.GetPages())
        {
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            foreach (var title in new[] { "Chương 1", "Chương 2", "Chương 3", "Mục 1.1", "Mục 2.1", "Mục 3.1" })
            {
                // The table of contents on page 1 also lists titles: the first page after it is the heading's.
                if (page.Number > 1 && text.Contains(title, StringComparison.Ordinal) && !pages.ContainsKey(title))
                {
                    pages[title] = page.Number;
                }
            }
        }

        return pages;
    }

    [Fact]
    public void Outline_entries_point_at_the_pages_of_their_headings()
    {
        using var pdf = PdfDocument.Open(Chapters().GeneratePdf());
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        Assert.Equal(["Mục lục", "Chương 1", "Mục 1.1", "Chương 2", "Mục 2.1", "Chương 3", "Mục 3.1"], nodes.Select(n => n.Title));
        var expected = HeadingPages(pdf);
        foreach (var node in nodes.Where(n => n.Title != "Mục lục"))
        {
            Assert.Equal(expected[node.Title], node.PageNumber);
        }

        Assert.Equal(2, nodes.Single(n => n.Title == "Mục 2.1").Level + 1);
    }

    [Fact]
    public void Table_of_contents_lists_each_heading_with_its_page_number()
    {
        using var pdf = PdfDocument.Open(Chapters().GeneratePdf());
        var expected = HeadingPages(pdf);
        var lines = pdf.GetPage(1).GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))).ToList();
        foreach (var (title, page) in expected)
        {
            Assert.Contains($"{title} {page}", lines);
        }
    }

    [Fact]
    public void Catalog_declares_the_document_language()
    {
        var bytes = Chapters().GeneratePdf();
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/Lang <FEFF00760069002D0056004E>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void External_and_internal_links_become_link_annotations()
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Content().Column(col =>
            {
                col.Item().Section("start").Text("Start");
                col.Item().Hyperlink("https://example.org/bao-cao").Text("Website");
                col.Item().SectionLink("start").Text("Back to start");
            });
        })).GeneratePdf();
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/URI (https://example.org/bao-cao)", text, StringComparison.Ordinal);
        Assert.Contains("/Dest /loc-start", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Spans_inside_a_paragraph_can_link_to_a_web_address_or_a_section()
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Content().Column(col =>
            {
                col.Item().Section("phu-luc").Text("Phụ lục");
                col.Item().Text(t =>
                {
                    t.Span("Xem ");
                    t.Span("trang web").Hyperlink("https://example.org/hoi").Underline();
                    t.Span(" và ");
                    t.Span("phụ lục").SectionLink("phu-luc");
                });
            });
        })).GeneratePdf();
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/URI (https://example.org/hoi)", text, StringComparison.Ordinal);
        Assert.Contains("/Dest /loc-phu-luc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_area_is_written_as_destinations_at_its_top_left_and_bottom_right_corners()
    {
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A4);
            page.Margin(50);
            page.Content().Column(col =>
            {
                col.Item().Height(100);
                col.Item().PaddingLeft(20).NamedArea("signature").Width(170).Height(72);
            });
        })).GeneratePdf();

        // PDF user space: origin bottom left; the area starts 50 + 100 pt below the top and 50 + 20 pt from the left.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        var start = System.Text.RegularExpressions.Regex.Match(text, @"/loc-signature \[\d+ 0 R /XYZ ([\d.]+) ([\d.]+)");
        var end = System.Text.RegularExpressions.Regex.Match(text, @"/loc-signature\.end \[\d+ 0 R /XYZ ([\d.]+) ([\d.]+)");
        Assert.True(start.Success && end.Success, "both corners are named destinations");
        static double N(System.Text.RegularExpressions.Match m, int g) => double.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(70, N(start, 1), 0.5);
        Assert.Equal(841.89 - 150, N(start, 2), 0.5);
        Assert.Equal(240, N(end, 1), 0.5);
        Assert.Equal(841.89 - 222, N(end, 2), 0.5);
    }
}
