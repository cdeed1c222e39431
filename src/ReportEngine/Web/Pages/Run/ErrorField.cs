using System.Text.RegularExpressions;

namespace ReportEngine.Web.Pages.Run;

/// <summary>
/// Which field of the run form a refusal is about, read from the message the CLI prints (which names the
/// parameter in quotes, or the option --committees / --lang), so the message shows next to that field.
/// </summary>
public static partial class ErrorField
{
    public const string Committees = "committees";
    public const string Language = "language";
    public const string Template = "template";

    /// <returns>A parameter name, <see cref="Committees"/>, <see cref="Language"/>, <see cref="Template"/>, or null for the whole form.</returns>
    public static string? Of(string message, IEnumerable<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(message);
        var named = Quoted().Matches(message).Select(m => m.Groups[1].Value).ToList();
        var parameter = parameters.FirstOrDefault(p => named.Contains(p, StringComparer.Ordinal))
            ?? parameters.FirstOrDefault(p => message.StartsWith($"Template \"", StringComparison.Ordinal) && message.Contains($": {p} (", StringComparison.Ordinal));
        if (parameter is not null)
        {
            return parameter;
        }

        if (message.Contains("--committees", StringComparison.Ordinal))
        {
            return Committees;
        }

        if (message.Contains("--lang", StringComparison.Ordinal) || message.Contains("language", StringComparison.Ordinal))
        {
            return Language;
        }

        return message.Contains("template", StringComparison.OrdinalIgnoreCase) ? Template : null;
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();
}
