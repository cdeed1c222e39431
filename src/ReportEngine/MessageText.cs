using System.Globalization;
using System.Text;

namespace ReportEngine;

/// <summary>
/// Text from a user's file, fit for an `error:` line. A value echoed in a message (a column name, a
/// cell, an id) may hold line breaks, U+2028 or other control characters that would split the line
/// in a terminal or a log, so they are shown as escapes (\n, \u2028) and a long value is cut.
/// </summary>
public static class MessageText
{
    /// <summary>Longer values are cut here, with "…": enough to recognise a value, never a whole file.</summary>
    public const int MaxValueLength = 200;

    /// <summary>A value from a file as a message shows it: on one line, escaped where it must be, and cut when long.</summary>
    public static string Value(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var shown = value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value;
        return NeedsEscape(shown) ? Escape(shown) : shown;
    }

    /// <summary>A whole message on one line: line breaks (and other control characters) between its parts become spaces.</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!NeedsEscape(message))
        {
            return message;
        }

        var text = new StringBuilder(message.Length);
        foreach (var c in message.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            text.Append(Breaks(c) ? ' ' : c);
        }

        return text.ToString();
    }

    private static bool Breaks(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (Breaks(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when Breaks(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
