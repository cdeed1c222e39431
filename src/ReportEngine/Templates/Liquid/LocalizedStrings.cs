using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ReportEngine.Templates.Liquid;

/// <summary>
/// The "t" object of the texts: a template's strings for one language. A string is itself Liquid and
/// is rendered when it is used, so it sees what its user sees (p, q, and "row" inside a repeat).
/// </summary>
internal sealed class LocalizedStrings : ScriptObject
{
    private readonly IReadOnlyDictionary<string, object> _table;
    private readonly LiquidRenderer _liquid;
    private readonly string _file;
    private readonly string _prefix;
    private int _depth;

    public LocalizedStrings(IReadOnlyDictionary<string, object> table, LiquidRenderer liquid, string file, string prefix = "")
    {
        _table = table;
        _liquid = liquid;
        _file = file;
        _prefix = prefix;
        foreach (var key in table.Keys)
        {
            // Registered so that Liquid sees the member exists; the value is produced on access.
            SetValue(key, null, readOnly: false);
        }
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        if (!_table.TryGetValue(member, out var raw))
        {
            value = null!;
            return false;
        }

        value = raw switch
        {
            string text => Render(text, member),
            IDictionary<object, object> nested => new LocalizedStrings(
                nested.ToDictionary(p => p.Key.ToString()!, p => p.Value, StringComparer.Ordinal), _liquid, _file, $"{_prefix}{member}."),
            _ => raw,
        };
        return true;
    }

    private string Render(string text, string member)
    {
        // A string that uses itself, directly or through others, would never finish.
        if (++_depth > 8)
        {
            throw new TemplateException(_file, $"string \"{_prefix}{member}\" uses itself.");
        }

        try
        {
            return _liquid.Render(text, $"{_file}: {_prefix}{member}");
        }
        finally
        {
            _depth--;
        }
    }
}
