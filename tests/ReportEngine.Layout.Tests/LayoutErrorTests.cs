using System.Diagnostics;

namespace ReportEngine.Layout.Tests;

public class LayoutErrorTests
{
    [Fact]
    public void Element_taller_than_a_page_raises_a_layout_error_naming_its_path_within_a_second()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Margin(30);
            page.Content().Column(col =>
            {
                col.Item().Text("Before");
                col.Item().Padding(4).Height(2000).Background(Colors.Grey.Lighten3).Text("Too tall");
            });
        }));

        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<LayoutException>(() => document.GeneratePdf(Stream.Null));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Contains("Height(2000)", error.ElementPath, StringComparison.Ordinal);
        Assert.Contains("item 2", error.ElementPath, StringComparison.Ordinal);
        Assert.StartsWith("Page set 1 > Content", error.ElementPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_row_items_wider_than_the_page_raise_a_layout_error()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Content().Row(row =>
            {
                row.ConstantItem(300).Text("a");
                row.ConstantItem(300).Text("b");
            });
        }));

        var error = Assert.Throws<LayoutException>(() => document.GeneratePdf(Stream.Null));
        Assert.Contains("Row", error.ElementPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_taller_than_the_page_raises_a_layout_error()
    {
        var document = Document.Create(doc => doc.Page(page =>
        {
            page.Size(PageSizes.A5);
            page.Header().Height(1000).Text("header");
            page.Content().Text("content");
        }));

        Assert.Throws<LayoutException>(() => document.GeneratePdf(Stream.Null));
    }
}
