namespace ReportEngine.Templates;

/// <summary>
/// A template as a person choosing a report sees it: what `templates list/show` print, what the console's
/// run form is generated from and what GET /api/v1/templates answers. Taken from template.yaml and the
/// template's strings files, never from a database.
/// </summary>
public sealed record TemplateDescription(
    string Name,
    string Description,
    string Version,
    string? DocumentType,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ParameterDescription> Parameters,
    IReadOnlyList<QueryDescription> Queries);

/// <param name="Type">int, string, date (yyyy-MM-dd) or locality (a locality code).</param>
/// <param name="Default">As written: a literal, Liquid over earlier parameters, last-closed-year or previous-year; null when required.</param>
/// <param name="Min">For int: the smallest value allowed; null when unbounded.</param>
public sealed record ParameterDescription(string Name, string Type, string? Default, int? Min, int? Max, string Description)
{
    public bool Required => Default is null;
}

/// <param name="SingleRow">The query returns one row (an object), not a list.</param>
public sealed record QueryDescription(string Name, string File, bool SingleRow);
