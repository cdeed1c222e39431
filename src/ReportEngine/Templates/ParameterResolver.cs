using System.Globalization;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Templates;

/// <summary>
/// Turns the values given on the command line (or by a schedule) into the typed parameters a
/// template declares, filling defaults in declaration order so a default may use earlier values.
/// </summary>
public sealed class ParameterResolver(TimeProvider clock)
{
    /// <summary>Reports are dated in Vietnam's time zone (UTC+7, no daylight saving).</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public IReadOnlyDictionary<string, object> Resolve(ReportTemplate template, IReadOnlyDictionary<string, string> given)
    {
        var definitionFile = Path.Combine(template.Directory, TemplateLoader.DefinitionFileName);
        foreach (var name in given.Keys.Where(n => !template.Definition.Parameters.ContainsKey(n) && n != EngineValues.AllowPartial))
        {
            throw new ReportEngineException(
                $"Template \"{template.Name}\" has no parameter \"{name}\"; its parameters are {string.Join(", ", template.Definition.Parameters.Keys)}.");
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var liquid = new LiquidRenderer(ReportCulture.For("vi"));
        foreach (var (name, definition) in template.Definition.Parameters)
        {
            string raw;
            if (given.TryGetValue(name, out var supplied))
            {
                raw = supplied;
            }
            else if (definition.Default is null)
            {
                throw new ReportEngineException($"Template \"{template.Name}\" needs the parameter \"{name}\": add --set {name}=VALUE.");
            }
            else
            {
                liquid.Set("p", values);
                foreach (var (key, value) in values)
                {
                    liquid.Set(key, value);
                }

                var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);
                raw = definition.Default switch
                {
                    "last-closed-year" => AssessmentYear.LastClosed(today).ToString(CultureInfo.InvariantCulture),
                    "previous-year" => (today.Year - 1).ToString(CultureInfo.InvariantCulture),
                    _ => liquid.Render(definition.Default, $"{definitionFile}: default of parameter \"{name}\""),
                };
            }

            values[name] = Convert(template.Name, name, definition, raw.Trim());
        }

        CheckPreviousBeforeAsOf(template.Name, values);
        if (given.TryGetValue(EngineValues.AllowPartial, out var allow) && AllowsPartial(template.Name, allow))
        {
            // Recorded only when asked for, so the runs of ordinary reports keep their parameters.
            values[EngineValues.AllowPartial] = true;
        }

        return values;
    }

    /// <summary>The year-on-year comparison needs an earlier date: previous_as_of before as_of.</summary>
    private static void CheckPreviousBeforeAsOf(string template, Dictionary<string, object> values)
    {
        if (values.GetValueOrDefault("as_of") is string asOf && values.GetValueOrDefault("previous_as_of") is string previous
            && string.CompareOrdinal(previous, asOf) >= 0)
        {
            throw new ReportEngineException(
                $"Template \"{template}\": previous_as_of ({previous}) must be before as_of ({asOf}); it is the date a year earlier the figures are compared with.");
        }
    }

    private static bool AllowsPartial(string template, string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid(template, EngineValues.AllowPartial, raw, "true or false"),
    };

    private static object Convert(string template, string name, ParameterDefinition definition, string raw)
    {
        switch (definition.Type)
        {
            case "int":
                if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    throw Invalid(template, name, raw, "a whole number");
                }

                if (number < definition.Min || number > definition.Max)
                {
                    throw Invalid(template, name, raw, $"a number from {definition.Min} to {definition.Max}");
                }

                return number;
            case "date":
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw Invalid(template, name, raw, "a date written yyyy-MM-dd");
                }

                // Stored dates are ISO text, so the query compares text with text.
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "locality":
            case "organization":
            case "string":
                if (raw.Length == 0)
                {
                    throw Invalid(template, name, raw, "a non-empty value");
                }

                return raw;
            default:
                throw new TemplateException(template, $"parameter \"{name}\" has the unknown type \"{definition.Type}\" (use int, date, string, locality or organization).");
        }
    }

    private static ReportEngineException Invalid(string template, string name, string raw, string expected) =>
        new($"Parameter \"{name}\" of template \"{template}\" must be {expected}; got \"{raw}\".");
}
