using System.Globalization;
using ReportEngine.Templates;

namespace ReportEngine.Cli;

/// <summary>How `templates list` and `templates show` print a <see cref="TemplateDescription"/>.</summary>
internal static class TemplateText
{
    /// <summary>name  description  (languages)</summary>
    public static string Line(TemplateDescription template) =>
        $"{template.Name}  {template.Description}  ({string.Join(", ", template.Languages)})";

    public static IEnumerable<string> Lines(TemplateDescription template)
    {
        yield return $"template:     {template.Name}";
        yield return $"description:  {template.Description}";
        yield return $"version:      {template.Version}";
        yield return $"document:     {template.DocumentType ?? "no (no number is taken)"}";
        yield return $"languages:    {string.Join(", ", template.Languages)}";
        yield return "parameters:";
        foreach (var p in template.Parameters)
        {
            var range = p.Min is null && p.Max is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  range {p.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"}..{p.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}");
            yield return $"  {p.Name}  {p.Type}  {(p.Required ? "required" : "default " + p.Default)}{range}";
            if (p.Description.Length > 0)
            {
                yield return $"      {p.Description}";
            }
        }

        yield return "queries:";
        foreach (var q in template.Queries)
        {
            yield return $"  {q.Name}  {q.File}{(q.SingleRow ? "  (one row)" : "")}";
        }
    }
}
