using System.Text.RegularExpressions;
using Scriban;

namespace ReportEngine.Templates.Validation;

/// <summary>Static checks of a Liquid text: does it parse, and which strings (t.key) does it use.</summary>
internal static partial class LiquidSyntax
{
    public static string? Error(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var parsed = Template.ParseLiquid(text);
        return parsed.HasErrors ? "Liquid error: " + string.Join("; ", parsed.Messages.Select(m => m.Message)) : null;
    }

    /// <summary>The string keys a text names as t.key or t.section.key.</summary>
    public static IEnumerable<string> StringReferences(string? text) =>
        string.IsNullOrEmpty(text) ? [] : StringReference().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\bt\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)")]
    private static partial Regex StringReference();
}
