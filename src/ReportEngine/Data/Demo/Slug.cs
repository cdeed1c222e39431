using System.Globalization;
using System.Text;

namespace ReportEngine.Data.Demo;

/// <summary>Stable ASCII codes from Vietnamese names: "Hàm Thuận Bắc" → "ham-thuan-bac".</summary>
internal static class Slug
{
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in Ascii(name).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>Drops the diacritics; đ is a letter of its own, not a d with a mark, so it is mapped by hand.</summary>
    public static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return builder.ToString();
    }
}
