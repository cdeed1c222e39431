using System.Text;
using System.Text.RegularExpressions;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// The archived file, when signing is configured, is the signed one: PDF/A-2b must survive the signature's incremental
/// update. Cheap checks of that file beyond PdfA2bTests (which reads the rendered file): qpdf and pdffonts, the binary
/// header comment, the same /ID in every trailer (PDF/A wants it in the last one), the widget printable and locked with
/// an appearance, and nothing PDF/A-2b forbids (actions, JavaScript, encryption, XFA) in the update.
/// </summary>
public sealed partial class SignatureTests
{
    private static readonly string[] ForbiddenInUpdate = ["/Encrypt", "/JavaScript", "/JS ", "/AA ", "/AA<<", "/XFA", "/Launch", "/EmbeddedFiles"];

    [Fact]
    public async Task The_signed_archived_file_keeps_what_PDF_A_2b_asks_of_it()
    {
        var database = demo.CopyInto(folder.Path);
        var pdf = await Run(database, pki.SigningEnvironment());
        var bytes = await File.ReadAllBytesAsync(pdf);
        var text = Encoding.Latin1.GetString(bytes);

        var qpdf = Tool.Run("qpdf", "--check", pdf);
        Assert.True(qpdf.ExitCode == 0, qpdf.Output);
        Assert.Contains("No syntax or stream encoding errors found", qpdf.Output, StringComparison.Ordinal);

        var fonts = Tool.Run("pdffonts", pdf);
        Assert.Equal(0, fonts.ExitCode);
        var rows = fonts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("yes", row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));

        // "%PDF-1.n", then a comment line of at least four bytes above 127 (ISO 19005-2, 6.1.2).
        Assert.Matches(@"^%PDF-1\.[4-7]\r?\n%", text[..10]);
        var comment = text[(text.IndexOf('\n', StringComparison.Ordinal) + 2)..].Split('\n')[0];
        Assert.True(comment.Take(4).All(c => c > 127), "no binary comment after the header");

        // PDF/A wants the /ID in the last trailer. SkiaSharp's own first trailer has none (its id would be random); the
        // archival update adds a deterministic one, and every update after it (outline, signature) repeats it unchanged.
        var ids = TrailerPattern().Matches(text).Select(m => IdPattern().Match(m.Value)).ToList();
        Assert.True(ids.Count >= 3, "fewer trailers than a rendered file, its archival update and its signature");
        Assert.All(ids.Skip(1), id => Assert.True(id.Success, "an update's trailer without /ID"));
        Assert.Single(ids.Skip(1).Select(id => Regex.Replace(id.Value, @"\s+", " ")).Distinct());

        // The signature's update: a widget that prints, cannot be changed, and has its appearance (the visible box).
        var update = text[text.LastIndexOf("/Type /Sig", StringComparison.Ordinal)..];
        var widget = WidgetPattern().Match(update);
        Assert.True(widget.Success, "no signature widget in the last update");
        Assert.Contains("/F 132", widget.Value, StringComparison.Ordinal); // Print (4) + Locked (128)
        Assert.Contains("/AP <</N ", widget.Value, StringComparison.Ordinal);
        foreach (var forbidden in ForbiddenInUpdate)
        {
            Assert.DoesNotContain(forbidden, update, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"trailer\s*<<(?:(?!>>\s*startxref).)*>>", RegexOptions.Singleline)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"<</Type /Annot\s*/Subtype /Widget.*?>>\s*endobj", RegexOptions.Singleline)]
    private static partial Regex WidgetPattern();
}
