using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace ReportEngine.Templates.Liquid;

/// <summary>
/// Renders the Liquid text of a template against a model with the culture's filters
/// (number, percent, vnd, date). Parsed texts are cached, a bounded number of them: a template's texts
/// repeat per row, while a long-running worker sees every edit of every template over months.
/// Values from the database are never pasted into a text: they reach Liquid as variables, and label
/// lookups go through <see cref="Lookup"/>, which takes them as keys.
/// </summary>
public sealed class LiquidRenderer
{
    /// <summary>How many parsed texts are kept; when full, the cache starts again (reparsing is cheap, growing without end is not).</summary>
    internal const int CacheLimit = 4096;

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
        _globals.Import("document_date", new Func<object?, string>(culture.DocumentDate));
        _globals.Import("minus_years", new Func<object?, int, string>(MinusYears));
        _globals.Import("party_terms", new Func<object?, object?, string>(PartyTerms.Translate));
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

        if (!Parsed.TryGetValue(text, out var template))
        {
            if (Parsed.Count >= CacheLimit)
            {
                Parsed.Clear();
            }

            template = Parsed.GetOrAdd(text, static t => Template.ParseLiquid(t));
        }

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

    /// <summary>Parsed texts held now (at most <see cref="CacheLimit"/>).</summary>
    internal static int CachedCount => Parsed.Count;

    /// <summary>
    /// The value at name.key.key... among the model's values (e.g. "t", "scope", "district": a string of
    /// the strings file, rendered as the Liquid it is), or null when a step is missing. The keys are only
    /// looked up, never parsed, so a key taken from the database cannot become template code.
    /// </summary>
    public string? Lookup(string name, params IEnumerable<string> keys) =>
        Resolve(name, keys) is { } value and not ScriptObject ? Convert.ToString(value, Culture.Culture) : null;

    /// <summary>Whether name.key.key... is a section (an object of values), e.g. "t", "scope".</summary>
    public bool IsSection(string name, params IEnumerable<string> keys) => Resolve(name, keys) is ScriptObject;

    private object? Resolve(string name, IEnumerable<string> keys)
    {
        object? current = _globals.TryGetValue(name, out var root) ? root : null;
        foreach (var key in keys)
        {
            if (current is not ScriptObject scope || !scope.TryGetValue(null!, default, key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
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
