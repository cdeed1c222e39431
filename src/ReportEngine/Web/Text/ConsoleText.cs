using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ReportEngine.Web.Text;

/// <summary>
/// The strings of the current request's language, injected in pages as `T`: `@T["runs.title"]`,
/// `@T.Format("runs.count", n)`. The language is the cookie's (set by the switch in the layout), else Vietnamese.
/// A key missing from the files shows as "[key]" (and the strings test fails).
/// </summary>
public sealed class ConsoleText(IHttpContextAccessor accessor)
{
    private string? _language;

    public string Language => _language ??= Pick(accessor.HttpContext);

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == ConsoleLanguages.Vietnamese ? "vi-VN" : "en-GB");

    public string this[string key] => ConsoleStrings.Embedded.Find(Language, key) ?? $"[{key}]";

    public string Format(string key, params object?[] arguments) => string.Format(Culture, this[key], arguments);

    public static string Pick(HttpContext? context)
    {
        var cookie = context?.Request.Cookies[ConsoleLanguages.CookieName];
        return ConsoleLanguages.IsKnown(cookie) ? cookie! : ConsoleLanguages.Default;
    }
}
