using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportEngine.Requests;

namespace ReportEngine.Web.Api;

/// <summary>
/// POST /api/v1/runs: {"template": "annual-assessment", "language": "en", "parameters": {"year": "2024", "locality": "la-gi"}},
/// or with "committees" (a level such as "district", or committee codes separated by commas) instead of a language for a
/// burst. Parameter values are text as `run --set` takes them; a JSON number or true/false is taken as its text.
/// An unknown member is refused (a misspelt "langauge" would otherwise be ignored).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RunRequestBody
{
    /// <summary>The template's name, as GET /api/v1/templates lists it.</summary>
    [Required]
    public string? Template { get; init; }

    /// <summary>vi (the default), en or pl; not with committees (each gets its own language).</summary>
    public string? Language { get; init; }

    /// <summary>Parameter values by name; a parameter left out takes its default.</summary>
    public Dictionary<string, JsonElement>? Parameters { get; init; }

    /// <summary>For a burst: a level (province, district, commune) or committee codes separated by commas.</summary>
    public string? Committees { get; init; }

    /// <summary>The request the shared <see cref="RunRequests"/> checks and queues; refuses what is not text.</summary>
    public RunRequest ToRequest()
    {
        if (string.IsNullOrWhiteSpace(Template))
        {
            throw new ReportEngineException("The request needs \"template\": the template's name, as GET /api/v1/templates lists it.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Parameters ?? [])
        {
            values[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new ReportEngineException($"Parameter \"{name}\" must be given as text (or a number); got {value.ValueKind.ToString().ToLowerInvariant()}."),
            };
        }

        return new RunRequest(Template.Trim(), values, string.IsNullOrWhiteSpace(Language) ? null : Language.Trim(),
            string.IsNullOrWhiteSpace(Committees) ? null : Committees.Trim());
    }
}
