using ReportEngine.Templates.Yaml;
using YamlDotNet.RepresentationModel;

namespace ReportEngine.Templates.Validation;

/// <summary>
/// Finds where a value sits in a YAML file (e.g. layout[3].query), so a problem found after
/// deserialising can still be reported with its line and column.
/// </summary>
internal sealed class YamlLocator
{
    private readonly YamlNode? _root;

    public YamlLocator(string file)
    {
        File = file;
        _root = PlainYaml.LoadRoot(file);
    }

    public string File { get; }

    /// <summary>A path of mapping keys (string) and sequence indexes (int).</summary>
    public TemplateException Problem(string problem, params object[] path)
    {
        var node = Find(path);
        return node is null
            ? new TemplateException(File, problem)
            : new TemplateException(File, (int)node.Start.Line, (int)node.Start.Column, problem);
    }

    private YamlNode? Find(object[] path)
    {
        var node = _root;
        var deepestFound = node;
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (YamlMappingNode map, string key) => map.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key).Value,
                (YamlSequenceNode list, int index) when index < list.Children.Count => list.Children[index],
                _ => null,
            };
            if (node is null)
            {
                break;
            }

            deepestFound = node;
        }

        return deepestFound;
    }
}
