using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Import;

/// <summary>
/// Turns a cell as a reader found it into the value the database stores, written the one way
/// every comparison uses: text in NFC, dates yyyy-MM-dd, numbers in invariant digits. Values that
/// repeat (dates, references, choices) are shared, so 440,000 member rows stay small in memory.
/// </summary>
public sealed partial class CellParser(ImportText text)
{
    private const int PoolLimit = 500_000;
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

    /// <summary>Text already turned into a date or a number: the same few thousand values fill most cells.</summary>
    private readonly Dictionary<string, string> convertedDates = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> convertedIntegers = new(StringComparer.Ordinal);

    /// <summary>Date cells of a workbook, as stored: a few thousand days fill 440,000 rows.</summary>
    private readonly Dictionary<DateTime, string> days = [];

    /// <summary>The cell as an error message shows it.</summary>
    public static string? Show(object? raw) => raw switch
    {
        null => null,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(raw, CultureInfo.InvariantCulture),
    };

    /// <returns>The stored value (null for an empty cell), or null with <paramref name="why"/> saying what is wrong.</returns>
    public string? Parse(ColumnSpec column, object? raw, out string? why)
    {
        ArgumentNullException.ThrowIfNull(column);
        why = null;
        if (raw is null || (raw is string s && s.Length == 0))
        {
            return null;
        }

        var converted = column.Kind switch
        {
            ColumnKind.Date => convertedDates,
            ColumnKind.WholeNumber => convertedIntegers,
            _ => null,
        };
        if (raw is string cached && converted is not null && converted.TryGetValue(cached, out var known))
        {
            return known;
        }

        var value = column.Kind switch
        {
            ColumnKind.Code => Code(raw, out why),
            ColumnKind.Date => Date(raw, out why),
            ColumnKind.WholeNumber => Integer(raw, out why),
            ColumnKind.Number => Number(raw, out why),
            ColumnKind.Choice => Choice(column, raw, out why),
            ColumnKind.Addresses => Addresses(Text(raw)),
            ColumnKind.Reference => Share(Text(raw)),
            _ => Share(Text(raw)),
        };
        if (value is not null && raw is string rawText && converted is not null && converted.Count < PoolLimit)
        {
            converted[rawText] = value;
        }

        return value;
    }

    public static bool IsCode(string value)
    {
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Addresses in one order (ordinal), so the same list written differently compares equal.</summary>
    public static string? Addresses(string value)
    {
        var addresses = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Array.Sort(addresses, StringComparer.Ordinal);
        return addresses.Length == 0 ? null : string.Join(";", addresses);
    }

    private static string Text(object raw)
    {
        var value = (raw as string ?? Show(raw)!).Trim();
        // ASCII is always NFC; asking ICU about each of a million codes and dates would cost seconds.
        return System.Text.Ascii.IsValid(value) || value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    private string Share(string value)
    {
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (pool.Count < PoolLimit)
        {
            pool.Add(value, value);
        }

        return value;
    }

    private string? Code(object raw, out string? why)
    {
        var value = Text(raw);
        why = IsCode(value) ? null : text.BadCode;
        return why is null ? value : null;
    }

    private string? Date(object raw, out string? why)
    {
        why = null;
        switch (raw)
        {
            case DateTime d:
                if (!days.TryGetValue(d, out var stored))
                {
                    stored = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    if (days.Count < PoolLimit)
                    {
                        days[d] = stored;
                    }
                }

                return stored;
            case double serial when serial >= 1 && serial < 2_958_466 && serial == Math.Floor(serial):
                // A date cell whose format MiniExcel does not recognise arrives as its serial number.
                return Share(DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var value = Text(raw);
        int year, month, day;
        if (IsoDate().Match(value) is { Success: true } iso)
        {
            (year, month, day) = (Int(iso.Groups[1]), Int(iso.Groups[2]), Int(iso.Groups[3]));
        }
        else if (VietnameseDate().Match(value) is { Success: true } vn)
        {
            (year, month, day) = (Int(vn.Groups[3]), Int(vn.Groups[2]), Int(vn.Groups[1]));
        }
        else
        {
            why = text.NotDate;
            return null;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            why = text.NoSuchDate;
            return null;
        }

        return Share(new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private string? Integer(object raw, out string? why)
    {
        why = null;
        if (raw is double n)
        {
            if (n >= 0 && n == Math.Floor(n) && n < 9e15)
            {
                return Share(((long)n).ToString(CultureInfo.InvariantCulture));
            }

            why = text.NotInteger;
            return null;
        }

        var value = Text(raw);
        if (value.Length is > 0 and <= 18 && value.All(char.IsAsciiDigit))
        {
            return Share(long.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }

        why = text.NotInteger;
        return null;
    }

    private string? Number(object raw, out string? why)
    {
        why = null;
        if (raw is double n)
        {
            return double.IsFinite(n) ? Canonical(n) : null;
        }

        var value = Text(raw);
        // A decimal point, or a decimal comma as Vietnamese writes it (72,5); never a thousands separator.
        if (double.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return Canonical(parsed);
        }

        why = text.NotNumber;
        return null;
    }

    public static string Canonical(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string? Choice(ColumnSpec column, object raw, out string? why)
    {
        var value = Text(raw);
        foreach (var allowed in column.Allowed)
        {
            if (string.Equals(allowed, value, StringComparison.OrdinalIgnoreCase))
            {
                why = null;
                return allowed;
            }
        }

        why = text.NotAllowed(column.Allowed);
        return null;
    }

    private static int Int(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")]
    private static partial Regex VietnameseDate();
}
