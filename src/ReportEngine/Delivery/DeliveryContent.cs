using ReportEngine.Templates;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Delivery;

/// <summary>
/// The e-mail's subject and body in the committee's language, from the template's strings
/// email_subject and email_body (Liquid: p = the run's resolved parameters, t = the strings,
/// committee = code, name, locality). Rendered once when the deliveries are queued and stored with
/// them, so every attempt sends the same words.
/// </summary>
public static class DeliveryContent
{
    public const string SubjectKey = "email_subject";
    public const string BodyKey = "email_body";

    public static (string Subject, string Body) Render(ReportTemplate template, string language, IReadOnlyDictionary<string, string> parameters, Committee committee)
    {
        var strings = template.Strings[language];
        var file = Path.Combine(template.Directory, $"strings.{language}.yaml");
        var liquid = new LiquidRenderer(ReportCulture.For(language));
        liquid.Set("p", parameters);
        liquid.Set("committee", new Dictionary<string, object?>
        {
            ["code"] = committee.Code,
            ["name"] = committee.Name,
            ["locality"] = committee.LocalityName,
        });
        liquid.Set("t", new LocalizedStrings(strings, liquid, file));
        string Text(string key, string fallback) =>
            strings.TryGetValue(key, out var text) ? liquid.Render(text as string, $"{file}: {key}").Trim() : fallback;

        var title = strings.TryGetValue(template.Definition.Title, out var t) ? liquid.Render(t as string, $"{file}: {template.Definition.Title}") : template.Name;
        return (Text(SubjectKey, $"{title} — {committee.LocalityName}"), Text(BodyKey, title));
    }
}
