using System.Globalization;
using System.Text;
using SkiaSharp;

namespace ReportEngine.Archive.Signing;

/// <summary>
/// The visible signature box's appearance stream: a frame, "Ký bởi: &lt;signer&gt;" and the date. The text is drawn
/// as glyph outlines (DejaVu Sans, which ships with the engine) rather than with a font resource, so the box
/// needs no font embedded in the update and shows Vietnamese in any viewer.
/// </summary>
internal static class SignatureAppearance
{
    /// <summary>As wide as the signature block leaves room for on the Party document's last page.</summary>
    public const float Width = Reports.PartyBlocks.SignatureWidth;
    public const float Height = 44;
    private const float FontSize = 9;

    public static string Stream(float width, float height, string signerName, DateTimeOffset signedAt)
    {
        var local = signedAt.ToOffset(TimeSpan.FromHours(7));
        var content = new StringBuilder();
        content.Append(Invariant($"q 0.2 0.3 0.6 RG 0.8 w 0.4 0.4 {width - 0.8f} {height - 0.8f} re S Q\n"));
        content.Append(Invariant($"q 1 0 0 -1 0 {height} cm 0.2 0.3 0.6 rg\n"));
        var path = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVu", "DejaVuSans.ttf");
        using (var typeface = SKTypeface.FromFile(path) ?? throw new ReportEngineException($"The font {path} for the signature box is missing."))
        using (var font = new SKFont(typeface, FontSize))
        {
            AppendText(content, font, "Ký bởi: " + signerName, 6, 17);
            AppendText(content, font, "Ngày ký: " + local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (UTC+7)", 6, 33);
        }

        content.Append("Q\n");
        var body = content.ToString();
        return Invariant($"<</Type /XObject\n/Subtype /Form\n/BBox [0 0 {width} {height}]\n/Resources <<>>\n/Length {Encoding.Latin1.GetByteCount(body)}>>\nstream\n") +
            body + "\nendstream";
    }

    /// <summary>One line of text as filled outlines, baseline at y (y grows downwards: the stream flips its axes).</summary>
    private static void AppendText(StringBuilder content, SKFont font, string text, float x, float y)
    {
        using var path = font.GetTextPath(text.Normalize(NormalizationForm.FormC), new SKPoint(x, y));
        using var iterator = path.CreateRawIterator();
        var points = new SKPoint[4];
        SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    content.Append(Invariant($"{points[0].X:0.##} {points[0].Y:0.##} m\n"));
                    break;
                case SKPathVerb.Line:
                    content.Append(Invariant($"{points[1].X:0.##} {points[1].Y:0.##} l\n"));
                    break;
                case SKPathVerb.Quad:
                    // A quadratic curve as the cubic PDF draws: control points two thirds of the way to the quad's.
                    var c1 = points[0] + new SKPoint((points[1].X - points[0].X) * 2 / 3, (points[1].Y - points[0].Y) * 2 / 3);
                    var c2 = points[2] + new SKPoint((points[1].X - points[2].X) * 2 / 3, (points[1].Y - points[2].Y) * 2 / 3);
                    content.Append(Invariant($"{c1.X:0.##} {c1.Y:0.##} {c2.X:0.##} {c2.Y:0.##} {points[2].X:0.##} {points[2].Y:0.##} c\n"));
                    break;
                case SKPathVerb.Cubic:
                    content.Append(Invariant($"{points[1].X:0.##} {points[1].Y:0.##} {points[2].X:0.##} {points[2].Y:0.##} {points[3].X:0.##} {points[3].Y:0.##} c\n"));
                    break;
                case SKPathVerb.Conic:
                    // TrueType outlines have none; a straight line keeps the path closed should one appear.
                    content.Append(Invariant($"{points[2].X:0.##} {points[2].Y:0.##} l\n"));
                    break;
                case SKPathVerb.Close:
                    content.Append("h\n");
                    break;
            }
        }

        content.Append("f\n");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
