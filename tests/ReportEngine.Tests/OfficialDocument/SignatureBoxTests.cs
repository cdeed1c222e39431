using Dapper;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>The visible signature box on the real annual report (demo data, signing configured), not a test page.</summary>
public sealed partial class SignatureTests
{
    [Fact]
    public async Task On_the_signed_annual_report_the_box_sits_in_the_signature_block_between_position_and_name()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment());
        string position, name;
        await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        {
            (position, name) = await connection.QuerySingleAsync<(string, string)>(
                "SELECT signer_position, signer_name FROM committees WHERE code = 'binh-thuan'");
        }

        using var document = PdfDocument.Open(pdf);
        var pages = Enumerable.Range(1, document.NumberOfPages).Select(document.GetPage).ToList();
        var page = Assert.Single(pages, p => p.GetAnnotations().Any(a => a.Type == AnnotationType.Widget));
        var box = page.GetAnnotations().Single(a => a.Type == AnnotationType.Widget).Rectangle;
        var above = PartyLayoutTests.Line(page, position);
        var below = PartyLayoutTests.Line(page, name);
        // The page that ends the body: "Nơi nhận" is on it too.
        PartyLayoutTests.Line(page, "Nơi nhận:");

        // Vertically: under the signer's position, over the name, overlapping neither.
        Assert.True(box.Top <= above.Bottom + 0.5, $"the box's top {box.Top} is above the bottom {above.Bottom} of \"{position}\"");
        Assert.True(box.Bottom >= below.Top - 0.5, $"the box's bottom {box.Bottom} is below the top {below.Top} of \"{name}\"");
        // Horizontally: centred on the block's centred lines (±2 pt) and inside the right half of the text width.
        var centre = (below.Left + below.Right) / 2;
        Assert.True(Math.Abs((box.Left + box.Right) / 2 - centre) <= 2, $"the box [{box.Left}, {box.Right}] is not centred on the name (centre {centre})");
        Assert.True(box.Left > 595.28 / 2 - 20 && box.Right <= 595.28 - (15 * 72 / 25.4), $"the box [{box.Left}, {box.Right}] leaves the block's column");
    }
}
