using System.Globalization;
using System.Text.Json;

namespace ReportEngine.Runs;

/// <summary>Parameters as the runs table holds them: a JSON object, numbers as numbers, everything else as text.</summary>
public static class RunParameters
{
    public static string Format<T>(IReadOnlyDictionary<string, T> parameters) =>
        JsonSerializer.Serialize(parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => (object?)p.Value));

    public static IReadOnlyDictionary<string, string> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
            StringComparer.Ordinal);
    }

    /// <summary>name=value pairs for a one-line listing.</summary>
    public static string Describe(string json) =>
        string.Join(" ", Parse(json).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
}
