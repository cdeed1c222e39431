using ReportEngine.Layout;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>
/// The parts of a Party document (Guidance 36-HD/VPTW of 3 April 2018, Central Party Office; its Appendix 3 gives
/// the sizes used here): the first page's heading block and the closing signature block with the recipients.
/// </summary>
internal static class PartyBlocks
{
    /// <summary>The named area of the signature and seal, for a visible signature box (see ContainerExtensions.NamedArea).</summary>
    public const string SignatureArea = "signature";

    /// <summary>
    /// Space for the handwritten signature and the seal over it; as wide as the visible signature box the signer draws
    /// from the area's top left corner (its named destination), so the box is centred in the block like the name under it.
    /// The document owns the width; the signer (Archive/Signing) draws its box to it.
    /// </summary>
    public const float SignatureWidth = 200;
    private const float SignatureHeight = 72;

    /// <summary>58% of A4's text width between 30 mm and 15 mm margins.</summary>
    private const float RightPartWidth = 271;

    /// <summary>
    /// Top left: the issuing body (a superior body in regular capitals above the issuer in bold, 14 pt), an asterisk
    /// under it, then the number and symbol (14 pt). Top right, on the first line: "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt bold)
    /// over a solid rule exactly as long, then the place and date (14 pt italic). Below, centred: the document type
    /// (16 pt bold capitals) and its summary (14 pt bold).
    /// </summary>
    public static void Heading(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        var body = block.Lines.SelectMany((l, i) => composer.Text(l, $"{where}.lines[{i}]").Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        container.Column(column =>
        {
            column.Item().Row(row =>
            {
                row.RelativeItem().Column(left =>
                {
                    for (var i = 0; i < body.Count; i++)
                    {
                        left.Item().Text(body[i]).FontSize(14).Bold(i == body.Count - 1).AlignCenter();
                    }

                    left.Item().Text("*").FontSize(14).AlignCenter();
                    if (block.Number is not null)
                    {
                        left.Item().Text(composer.Text(block.Number, where + ".number")).FontSize(14).AlignCenter();
                    }
                });
                // The right part takes 58% of the text width (at 36-HD margins), more when a language's heading needs it:
                // the heading never wraps.
                row.AutoItem().MinWidth(RightPartWidth).Column(right =>
                {
                    // The rule under the heading is as long as the heading: the column shrinks to the text's width.
                    right.Item().AlignCenter().Column(heading =>
                    {
                        heading.Item().Text(composer.Text(block.Text, where + ".text")).FontSize(15).Bold();
                        heading.Item().LineHorizontal(0.75f);
                    });
                    if (block.PlaceDate is not null)
                    {
                        right.Item().PaddingTop(10).Text(composer.Text(block.PlaceDate, where + ".place-date")).FontSize(14).Italic().AlignCenter();
                    }
                });
            });
            column.Item().PaddingTop(24).Text(composer.Text(block.Title, where + ".title")).FontSize(16).Bold().AlignCenter();
            if (block.Subtitle is not null)
            {
                column.Item().PaddingTop(2).Text(composer.Text(block.Subtitle, where + ".subtitle")).FontSize(14).Bold().AlignCenter();
            }

            column.Item().PaddingTop(4).PaddingBottom(12).AlignCenter().Width(60).LineHorizontal(0.5f);
        });
    }

    /// <summary>
    /// Bottom left: "Nơi nhận:" (14 pt, underlined) over the recipients (12 pt, one a line). Bottom right: the authority
    /// and position (14 pt bold capitals), the space for signature and seal (the named area "signature"), the name (14 pt bold).
    /// Kept together on one page.
    /// </summary>
    public static void Signature(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        container.PaddingTop(12).KeepTogether().Row(row =>
        {
            row.RelativeItem(5).Column(left =>
            {
                left.Item().PaddingTop(14).Text(composer.Text(block.Title, where + ".title")).FontSize(14).Bold().Italic().Underline();
                foreach (var line in composer.Text(block.Text, where + ".text").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    left.Item().Text(line).FontSize(12);
                }
            });
            row.RelativeItem(5).Column(right =>
            {
                right.Item().Text(composer.Text(block.Authority, where + ".authority")).FontSize(14).Bold().AlignCenter();
                if (block.Position is not null)
                {
                    right.Item().Text(composer.Text(block.Position, where + ".position")).FontSize(14).Bold().AlignCenter();
                }

                right.Item().AlignCenter().NamedArea(SignatureArea).Width(SignatureWidth).Height(SignatureHeight);
                right.Item().Text(composer.Text(block.Signer, where + ".signer")).FontSize(14).Bold().AlignCenter();
            });
        });
    }
}
