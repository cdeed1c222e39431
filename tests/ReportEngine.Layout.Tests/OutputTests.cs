using System.Text;
using ReportEngine.Layout.Tests.Support;
using UglyToad.PdfPig;

namespace ReportEngine.Layout.Tests;

public class OutputTests
{
    private static Document Simple(DocumentSettings? settings = null) => Document.Create(doc =>
    {
        doc.Metadata(new DocumentMetadata
        {
            Title = "Báo cáo năm 2024",
            Author = "Sở Nội vụ",
            Subject = "Hội quần chúng",
            Keywords = "hội, 2024",
            Language = "vi-VN",
            CreationDate = SampleDocuments.FixedDate,
            ModifiedDate = SampleDocuments.FixedDate.AddDays(1),
        });
        if (settings is not null)
        {
            doc.Settings(settings);
        }

        doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Margin(30);
            page.Content().Text("Nội dung");
        });
    });

    [Fact]
    public void Metadata_is_written_to_the_document_information()
    {
        using var pdf = PdfDocument.Open(Simple().GeneratePdf());
        var info = pdf.Information;
        Assert.Equal("Báo cáo năm 2024", info.Title);
        Assert.Equal("Sở Nội vụ", info.Author);
        Assert.Equal("Hội quần chúng", info.Subject);
        Assert.Equal("hội, 2024", info.Keywords);
        Assert.Equal(SampleDocuments.FixedDate.ToUniversalTime(), info.GetCreatedDateTimeOffset()?.ToUniversalTime());
        Assert.Equal(SampleDocuments.FixedDate.AddDays(1).ToUniversalTime(), info.GetModifiedDateTimeOffset()?.ToUniversalTime());
    }

    [Fact]
    public void PDF_A_mode_writes_PDF_A_2b_identification()
    {
        var bytes = Simple(new DocumentSettings { PdfA = true }).GeneratePdf();
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("pdfaid:part", text, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
    }

    [Fact]
    public void PDF_A_output_is_byte_identical_run_to_run_with_an_output_intent()
    {
        var first = Simple(new DocumentSettings { PdfA = true }).GeneratePdf();
        var second = Simple(new DocumentSettings { PdfA = true }).GeneratePdf();
        Assert.Equal(first, second);
        var text = Encoding.Latin1.GetString(first);
        Assert.Contains("/OutputIntents [", text, StringComparison.Ordinal);
        Assert.Contains("/S /GTS_PDFA1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_streams_to_a_stream_that_cannot_seek()
    {
        using var sink = new ForwardOnlyStream();
        var pages = SampleDocuments.Table(200).GeneratePdf(sink);
        using var pdf = PdfDocument.Open(sink.ToArray());
        Assert.Equal(pages, pdf.NumberOfPages);
    }

    [Fact]
    public void Page_sets_follow_each_other_with_their_own_size_and_section_page_numbers()
    {
        var bytes = Document.Create(doc =>
        {
            doc.Page(page =>
            {
                page.Size(PageSizes.A5);
                page.Content().Text("Bìa");
            });
            doc.Page(page =>
            {
                page.Size(PageSizes.A5.Landscape());
                page.Margin(20);
                page.Content().Section("phu-luc").Column(col =>
                {
                    for (var i = 0; i < 3; i++)
                    {
                        col.Item().Text($"Phần {i}");
                        if (i < 2)
                        {
                            col.Item().PageBreak();
                        }
                    }
                });
                page.Footer().Text(t =>
                {
                    t.Span("Phụ lục trang ");
                    t.CurrentPageNumberInSection("phu-luc");
                    t.Span("/");
                    t.TotalPagesInSection("phu-luc");
                    t.Span(" bắt đầu ");
                    t.PageNumberOfSection("phu-luc");
                });
            });
        }).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(4, pdf.NumberOfPages);
        Assert.True(pdf.GetPage(2).Width > pdf.GetPage(2).Height);
        Assert.True(pdf.GetPage(1).Width < pdf.GetPage(1).Height);
        for (var i = 2; i <= 4; i++)
        {
            var text = string.Join(" ", pdf.GetPage(i).GetWords().Select(w => w.Text));
            Assert.Contains($"Phụ lục trang {i - 1}/3 bắt đầu 2", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Characters_missing_from_a_font_are_drawn_with_the_fallback_chain()
    {
        // A font holding ASCII only: Vietnamese letters must come from DejaVu Sans, the default fallback.
        var asciiOnly = ReportEngine.Layout.Fonts.FontSubsetter.Subset(
            ReportEngine.Layout.FontManager.Resolve(null, false, false), Enumerable.Range(32, 95))!;
        var family = FontManager.RegisterFont(asciiOnly, "Ascii Only Test");
        var bytes = Document.Create(doc => doc.Page(page =>
        {
            page.Content().Text("Hội Chữ thập đỏ").FontFamily(family);
        })).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);
        var letters = pdf.GetPage(1).Letters.Where(l => l.Value != " ").ToList();
        Assert.Equal("HộiChữthậpđỏ", string.Concat(letters.Select(l => l.Value)));
        Assert.Equal(2, letters.Select(l => l.FontName).Distinct().Count());
    }

    [Fact]
    public void A_page_renders_to_a_PNG_of_the_page_size_at_the_requested_resolution()
    {
        var png = Simple().RenderPageToPng(0, 144);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal((int)Math.Ceiling(PageSizes.A5.Width * 2), bitmap.Width);
        Assert.Equal((int)Math.Ceiling(PageSizes.A5.Height * 2), bitmap.Height);
    }

    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream inner = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public byte[] ToArray() => inner.ToArray();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
