using System.Globalization;

namespace ReportEngine.Templates.Validation;

/// <summary>Every language has the same string keys, and every string is valid Liquid.</summary>
internal static class StringsCheck
{
    /// <returns>Every key (dotted for sections) any language defines, sections included.</returns>
    public static IReadOnlySet<string> Run(ReportTemplate template, List<TemplateException> problems)
    {
        var keysByLanguage = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var (language, table) in template.Strings)
        {
            var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
            Flatten(table, "", keys);
            keysByLanguage[language] = keys;
            var file = new YamlLocator(StringsFile(template, language));
            foreach (var (key, text) in keys)
            {
                if (LiquidSyntax.Error(text) is { } error)
                {
                    problems.Add(file.Problem($"string \"{key}\": {error}", key.Split('.')));
                }
            }
        }

        var all = keysByLanguage.Values.SelectMany(k => k.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (language, keys) in keysByLanguage)
        {
            foreach (var missing in all.Where(k => !keys.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                var having = keysByLanguage.Where(p => p.Value.ContainsKey(missing)).Select(p => p.Key);
                problems.Add(new TemplateException(StringsFile(template, language),
                    $"the string \"{missing}\" is missing here but present in {string.Join(", ", having.Select(l => $"strings.{l}.yaml"))}."));
            }
        }

        return all;
    }

    private static string StringsFile(ReportTemplate template, string language) =>
        Path.Combine(template.Directory, $"strings.{language}.yaml");

    private static void Flatten(IEnumerable<KeyValuePair<string, object>> table, string prefix, Dictionary<string, string?> keys)
    {
        foreach (var (key, value) in table)
        {
            if (value is IDictionary<object, object> nested)
            {
                keys[prefix + key] = null;
                // A key written ~ reads as null.
                Flatten(nested.Select(p => new KeyValuePair<string, object>(Convert.ToString(p.Key, CultureInfo.InvariantCulture) ?? "", p.Value)), $"{prefix}{key}.", keys);
            }
            else
            {
                keys[prefix + key] = value?.ToString();
            }
        }
    }
}
