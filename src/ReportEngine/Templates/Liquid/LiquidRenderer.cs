using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace ReportEngine.Templates.Liquid;

/// <summary>
/// Renders the Liquid text of a template against a model with the culture's filters
/// (number, percent, vnd, date). Parsed texts are cached: a template's texts repeat per row.
/// </summary>
public sealed class LiquidRenderer
{
    private static readonly ConcurrentDictionary<string, Template> Parsed = new(StringComparer.Ordinal);
    private readonly ScriptObject _globals = [];

    public LiquidRenderer(ReportCulture culture)
    {
        Culture = culture;
        // Method groups keep the methods' optional parameters, so "{{ x | number }}" and "{{ x | number: 1 }}" both work.
        _globals.Import("number", new Func<object?, int, string>(culture.Number));
        _globals.Import("percent", new Func<object?, int, string>(culture.Percent));
        _globals.Import("vnd", new Func<object?, string>(culture.Vnd));
        _globals.Import("date", new Func<object?, string>(culture.Date));
        _globals.Import("minus_years", new Func<object?, int, string>(MinusYears));
    }

    public ReportCulture Culture { get; }

    /// <summary>Makes a value visible to the texts under the given name (p, q, t, row ...).</summary>
    public void Set(string name, object? value) => _globals.SetValue(name, ToScriptValue(value), readOnly: false);

    /// <param name="text">The Liquid text.</param>
    /// <param name="where">Where the text comes from (file and place), for error messages.</param>
    public string Render(string? text, string where)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var template = Parsed.GetOrAdd(text, static t => Template.ParseLiquid(t));
        if (template.HasErrors)
        {
            throw new TemplateException(where, "Liquid error: " + string.Join("; ", template.Messages));
        }

        var context = new LiquidTemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(_globals);
        try
        {
            return template.Render(context).Normalize(NormalizationForm.FormC);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new TemplateException(where, "Liquid error: " + e.OriginalMessage);
        }
    }

    /// <summary>"{{ as_of | minus_years: 1 }}": the same day so many years earlier (29 February becomes the 28th).</summary>
    public static string MinusYears(object? date, int years)
    {
        var text = Convert.ToString(date, CultureInfo.InvariantCulture) ?? "";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new ReportEngineException($"minus_years needs a date written yyyy-MM-dd; got \"{text}\".");
        }

        return day.AddYears(-years).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Query rows (dictionaries) and string tables become Scriban objects, recursively.</summary>
    public static object? ToScriptValue(object? value) => value switch
    {
        null => null,
        string or ScriptObject or ScriptArray => value,
        IEnumerable<KeyValuePair<string, object?>> pairs => ToScriptObject(pairs),
        IDictionary dictionary => ToScriptObject(dictionary.Keys.Cast<object>()
            .Select(k => new KeyValuePair<string, object?>(k.ToString()!, dictionary[k]))),
        IEnumerable items => new ScriptArray(items.Cast<object?>().Select(ToScriptValue)),
        _ => value,
    };

    private static ScriptObject ToScriptObject(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var result = new ScriptObject();
        foreach (var (key, item) in pairs)
        {
            result.SetValue(key, ToScriptValue(item), readOnly: false);
        }

        return result;
    }
}
