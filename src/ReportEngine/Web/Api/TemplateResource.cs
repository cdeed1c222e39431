using ReportEngine.Templates;

namespace ReportEngine.Web.Api;

/// <summary>A template as GET /api/v1/templates lists it: what a POST /api/v1/runs may ask of it.</summary>
public sealed record TemplateResource(string Name, string Description, string Version, string? DocumentType, IReadOnlyList<string> Languages,
    IReadOnlyList<TemplateParameterResource> Parameters)
{
    public static TemplateResource From(TemplateDescription t) => new(
        t.Name, t.Description, t.Version, t.DocumentType, t.Languages,
        [.. t.Parameters.Select(p => new TemplateParameterResource(p.Name, p.Type, p.Required, p.Default, p.Min, p.Max, p.Description))]);
}

/// <param name="Type">int, string, date (yyyy-MM-dd), locality (a locality code) or organization.</param>
/// <param name="Default">As the template writes it: a literal, Liquid over earlier parameters, last-closed-year or previous-year; null when required.</param>
/// <param name="Min">For int: the smallest value allowed (null: unbounded); Max likewise.</param>
public sealed record TemplateParameterResource(string Name, string Type, bool Required, string? Default, int? Min, int? Max, string Description);
