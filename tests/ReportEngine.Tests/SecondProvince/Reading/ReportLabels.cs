using ReportEngine.Tests.Support;
using YamlDotNet.Serialization;

namespace ReportEngine.Tests.SecondProvince.Reading;

/// <summary>
/// The report's English wording, read from the template's own strings file at test time, so the
/// tests find rows by whatever the template calls them today.
/// </summary>
public sealed class ReportLabels
{
    private readonly Dictionary<object, object> _strings;

    private ReportLabels(Dictionary<object, object> strings) => _strings = strings;

    public static ReportLabels English { get; } = new(new DeserializerBuilder().Build()
        .Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(RepositoryPaths.Templates, "annual-assessment", "strings.en.yaml"))));

    /// <summary>A top-level string, or one entry of a group (scope.province); its text before any Liquid.</summary>
    public string this[string key, string? entry = null]
    {
        get
        {
            var value = _strings.TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"strings.en.yaml has no '{key}'");
            if (entry is not null)
            {
                value = value is Dictionary<object, object> group && group.TryGetValue(entry, out var item) ? item
                    : throw new KeyNotFoundException($"strings.en.yaml has no '{key}.{entry}'");
            }

            var text = (string)value;
            var liquid = text.IndexOf("{{", StringComparison.Ordinal);
            return (liquid < 0 ? text : text[..liquid]).Trim();
        }
    }

    /// <summary>Every section heading the template has (keys section_*), for telling where a section ends.</summary>
    public IEnumerable<string> Headings => _strings.Keys.OfType<string>().Where(k => k.StartsWith("section_", StringComparison.Ordinal)).Select(k => this[k]).Where(h => h.Length > 0);
}
