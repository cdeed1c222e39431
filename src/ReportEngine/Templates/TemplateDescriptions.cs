using ReportEngine.Templates.Sql;

namespace ReportEngine.Templates;

/// <summary>Describes the templates under the templates root (through the hot-reloading catalog, so an edit shows at once).</summary>
public sealed class TemplateDescriptions(string templatesRoot)
{
    /// <summary>Every template folder, by name; a template that does not load is left out (`templates validate` says why).</summary>
    public IReadOnlyList<TemplateDescription> List()
    {
        if (!Directory.Exists(templatesRoot))
        {
            throw new ReportEngineException($"There is no template folder at {templatesRoot}.");
        }

        var described = new List<TemplateDescription>();
        foreach (var folder in Directory.GetDirectories(templatesRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name == SharedQueries.FolderName || !File.Exists(Path.Combine(folder, TemplateLoader.DefinitionFileName)))
            {
                continue;
            }

            try
            {
                described.Add(Describe(name));
            }
            catch (Exception e) when (e is ReportEngineException or IOException)
            {
                // A broken template cannot be run; the list shows what can.
            }
        }

        return described;
    }

    /// <summary>One template by its folder name; an unknown name gets `run`'s message.</summary>
    public TemplateDescription Describe(string name)
    {
        var template = TemplateLoader.Load(templatesRoot, name);
        var definition = template.Definition;
        return new TemplateDescription(
            template.Name,
            definition.Description,
            template.Version,
            definition.Document?.Type,
            [.. template.Languages.Order(StringComparer.Ordinal)],
            [.. definition.Parameters.Select(p => new ParameterDescription(p.Key, p.Value.Type, p.Value.Default, p.Value.Min, p.Value.Max, p.Value.Description))],
            [.. definition.Queries.Select(q => new QueryDescription(q.Key, q.Value.File, q.Value.SingleRow))]);
    }
}
