using System.Globalization;

namespace ReportEngine.Templates.Liquid;

/// <summary>How one report language writes numbers, money and dates.</summary>
public sealed class ReportCulture
{
    private ReportCulture(string language, CultureInfo culture)
    {
        Language = language;
        Culture = culture;
    }

    public static IReadOnlyList<string> SupportedLanguages { get; } = ["vi", "en", "pl"];

    public string Language { get; }

    public CultureInfo Culture { get; }

    public static ReportCulture For(string language) => language switch
    {
        // Vietnamese and Polish group thousands with '.' and a (no-break) space; English (en-GB) with ','.
        "vi" => new ReportCulture(language, CultureInfo.GetCultureInfo("vi-VN")),
        "en" => new ReportCulture(language, CultureInfo.GetCultureInfo("en-GB")),
        "pl" => new ReportCulture(language, CultureInfo.GetCultureInfo("pl-PL")),
        _ => throw new ReportEngineException(
            $"Unknown report language \"{language}\"; use one of {string.Join(", ", SupportedLanguages)}."),
    };

    public string Number(object? value, int decimals = 0) =>
        value is null ? "" : ToDecimal(value).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A value already in percent units (86.0 means 86 %).</summary>
    public string Percent(object? value, int decimals = 1) =>
        value is null ? "" : Number(value, decimals) + "%";

    /// <summary>VND has no minor unit.</summary>
    public string Vnd(object? value) => value is null ? "" : Number(value) + " đ";

    /// <summary>
    /// A date as a document's date line writes it: "ngày 05 tháng 9 năm 2024" (Guidance 36-HD/VPTW: days below 10
    /// and the months 1 and 2 take a leading zero), "5 September 2024", "5 września 2024 r.".
    /// </summary>
    public string DocumentDate(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Language switch
        {
            "en" => date.ToString("d MMMM yyyy", Culture),
            "pl" => date.ToString("d MMMM yyyy", Culture) + " r.",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}"),
        };
    }

    public string Date(object? value)
    {
        if (value is null)
        {
            return "";
        }

        var date = value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => DateOnly.ParseExact(Convert.ToString(value, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Language switch
        {
            "en" => date.ToString("d MMMM yyyy", Culture),
            "pl" => date.ToString("d MMMM yyyy", Culture),
            _ => date.ToString("dd/MM/yyyy", Culture),
        };
    }

    private static decimal ToDecimal(object value) => value switch
    {
        string s => decimal.Parse(s, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };
}
