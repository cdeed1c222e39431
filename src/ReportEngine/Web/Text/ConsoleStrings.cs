using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace ReportEngine.Web.Text;

/// <summary>
/// Every console string, read once from the embedded Web/Text/&lt;area&gt;.&lt;language&gt;.json files
/// (flat objects, keys prefixed by their area: "runs.title"). One file pair per area, so helpers
/// working on different pages never edit the same file.
/// </summary>
public sealed class ConsoleStrings
{
    public const string ResourcePrefix = "ReportEngine.Web.Text.";

    private ConsoleStrings(FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage) => ByLanguage = byLanguage;

    public static ConsoleStrings Embedded { get; } = Load(typeof(ConsoleStrings).Assembly);

    /// <summary>Language → key → text.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage { get; }

    public string? Find(string language, string key) =>
        ByLanguage.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text) ? text : null;

    private static ConsoleStrings Load(Assembly assembly)
    {
        var merged = ConsoleLanguages.All.ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            // "ReportEngine.Web.Text.runs.en.json" → area "runs", language "en".
            var parts = resource[ResourcePrefix.Length..^".json".Length].Split('.');
            var language = parts[^1];
            if (!merged.TryGetValue(language, out var target))
            {
                throw new InvalidOperationException($"The console strings file {resource} is for an unknown language \"{language}\".");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The console strings file {resource} is empty.");
            foreach (var (key, text) in strings)
            {
                if (!key.StartsWith(parts[0] + ".", StringComparison.Ordinal) || !target.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The console strings file {resource} holds \"{key}\", which is not prefixed \"{parts[0]}.\" or is defined twice.");
                }
            }
        }

        return new ConsoleStrings(merged.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal));
    }
}
