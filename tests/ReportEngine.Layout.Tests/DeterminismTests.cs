using ReportEngine.Layout.Tests.Support;

namespace ReportEngine.Layout.Tests;

public class DeterminismTests
{
    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        var first = SampleDocuments.Table(120).GeneratePdf();
        var second = SampleDocuments.Table(120).GeneratePdf();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Sixteen_documents_in_parallel_equal_the_same_rendered_one_by_one()
    {
        var sequential = Enumerable.Range(1, 16).Select(i => SampleDocuments.Table(20 * i).GeneratePdf()).ToArray();
        var parallel = new byte[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 },
            i => parallel[i] = SampleDocuments.Table(20 * (i + 1)).GeneratePdf());
        for (var i = 0; i < 16; i++)
        {
            Assert.True(sequential[i].AsSpan().SequenceEqual(parallel[i]), $"document {i + 1} differs");
        }
    }

    [Fact]
    public void Documents_with_charts_render_identically_in_parallel_and_in_sequence()
    {
        static byte[] Render(int seed) => Document.Create(doc =>
        {
            doc.Metadata(new DocumentMetadata { CreationDate = SampleDocuments.FixedDate });
            doc.Page(page =>
            {
                page.Size(PageSizes.A5);
                page.Margin(20);
                page.Content().Column(col =>
                {
                    col.Item().Heading(1, $"Biểu đồ {seed}");
                    col.Item().Height(200).Chart(plot =>
                    {
                        plot.Add.Bars(Enumerable.Range(1, 5).Select(i => (double)(i * seed % 7 + 1)).ToArray());
                        plot.Title($"Hội viên {seed}");
                    });
                });
            });
        }).GeneratePdf();

        var sequential = Enumerable.Range(1, 8).Select(Render).ToArray();
        var parallel = new byte[8][];
        Parallel.For(0, 8, i => parallel[i] = Render(i + 1));
        for (var i = 0; i < 8; i++)
        {
            Assert.True(sequential[i].AsSpan().SequenceEqual(parallel[i]), $"document {i + 1} differs");
        }
    }
}
