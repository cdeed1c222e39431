using System.Globalization;

namespace ReportEngine.Templates.Validation;

/// <summary>
/// The page: settings, checked before a run meets them: size, style and font must be ones the composer knows
/// (it would refuse them only when rendering), margins must leave a usable page, and a Party document (style: party)
/// must keep to Guidance 36-HD/VPTW: margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm, body text 14–15 pt (its Appendix 3: "Nội dung văn bản", in thường, cỡ 14–15, đứng).
/// </summary>
internal static class PageCheck
{
    /// <summary>Any margin outside this range is a slip (a value in points written as millimetres, or a missing digit).</summary>
    private const float MinMarginMm = 5;
    private const float MaxMarginMm = 60;

    private static readonly (string Side, float Min, float Max)[] PartyMargins =
        [("top", 20, 25), ("right", 15, 20), ("bottom", 20, 25), ("left", 30, 35)];

    public static void Run(PageDefinition page, YamlLocator file, List<TemplateException> problems)
    {
        if (page.Size is not ("A4" or "A4-landscape"))
        {
            problems.Add(file.Problem($"page size \"{page.Size}\" is unknown (use A4 or A4-landscape).", "page", "size"));
        }

        if (page.Style is not ("report" or "party"))
        {
            problems.Add(file.Problem($"page style \"{page.Style}\" is unknown (use report or party).", "page", "style"));
        }

        if (page.Font is not ("sans" or "serif"))
        {
            problems.Add(file.Problem($"page font \"{page.Font}\" is unknown (use sans or serif).", "page", "font"));
        }

        if (page.FontSize is < 6 or > 24)
        {
            problems.Add(file.Problem($"page font-size {Text(page.FontSize)} is out of range (6 to 24 pt).", "page", "font-size"));
        }
        else if (page.Style == "party" && page.FontSize is < 14 or > 15)
        {
            problems.Add(file.Problem($"page font-size {Text(page.FontSize)}: a Party document's body text is 14 to 15 pt (Guidance 36-HD/VPTW, Appendix 3).", "page", "font-size"));
        }

        if (page.MarginsMm is not { } mm)
        {
            return;
        }

        var sides = new Dictionary<string, float>(StringComparer.Ordinal) { ["top"] = mm.Top, ["right"] = mm.Right, ["bottom"] = mm.Bottom, ["left"] = mm.Left };
        foreach (var (side, value) in sides)
        {
            if (value is < MinMarginMm or > MaxMarginMm)
            {
                problems.Add(file.Problem($"page margins-mm {side} {Text(value)} is out of range ({Text(MinMarginMm)} to {Text(MaxMarginMm)} mm).", "page", "margins-mm", side));
            }
        }

        if (page.Style != "party")
        {
            return;
        }

        foreach (var (side, min, max) in PartyMargins)
        {
            if (sides[side] is >= MinMarginMm and <= MaxMarginMm && (sides[side] < min || sides[side] > max))
            {
                problems.Add(file.Problem(
                    $"page margins-mm {side} {Text(sides[side])}: a Party document's {side} margin is {Text(min)} to {Text(max)} mm (Guidance 36-HD/VPTW).",
                    "page", "margins-mm", side));
            }
        }
    }

    private static string Text(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
