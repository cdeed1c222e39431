using System.Text;
using ReportEngine.Templates.Sql;
using ReportEngine.Templates.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReportEngine.Templates;

/// <summary>
/// Reads a template folder: template.yaml, the .sql files it names (with the shared queries they use
/// from templates/_shared prepended), and strings.&lt;lang&gt;.yaml.
/// </summary>
public static class TemplateLoader
{
    public const string DefinitionFileName = "template.yaml";

    // Nullability enforced: `title:` with nothing after it is refused where it stands, not met later as a null.
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .WithEnforceNullability()
        .Build();

    /// <summary>Finds a template by name under the templates root, through the hot-reloading catalog.</summary>
    public static ReportTemplate Load(string templatesRoot, string name)
    {
        PathSegment.Check(name, "The template name");
        var directory = Path.Combine(templatesRoot, name);
        if (!File.Exists(Path.Combine(directory, DefinitionFileName)))
        {
            var known = System.IO.Directory.Exists(templatesRoot)
                ? System.IO.Directory.GetDirectories(templatesRoot).Select(Path.GetFileName).Where(n => n != SharedQueries.FolderName).Order(StringComparer.Ordinal).ToArray()
                : [];
            throw new ReportEngineException(
                $"There is no template \"{name}\" in {templatesRoot} (templates found: {string.Join(", ", known)}).");
        }

        return TemplateCatalog.Shared.Get(directory);
    }

    public static ReportTemplate LoadDirectory(string directory)
    {
        var definitionPath = Path.Combine(directory, DefinitionFileName);
        var definition = Deserialize<TemplateDefinition?>(definitionPath)
            ?? throw new TemplateException(definitionPath, "the file is empty: a template names at least its queries and its layout.");
        EmptyEntries.Refuse(definition, definitionPath);
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var name = string.IsNullOrWhiteSpace(definition.Name) ? folder : definition.Name;

        var shared = SharedQueries.Load(SharedQueries.FolderFor(directory));
        var sql = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (queryName, query) in definition.Queries)
        {
            var file = Path.GetFullPath(Path.Combine(directory, query.File));
            if (!file.StartsWith(Path.GetFullPath(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // A query is a file of the template: /dev/zero or ../../etc/passwd would be read as SQL (the first for ever).
                throw new TemplateException(definitionPath, $"query \"{queryName}\" names the file \"{MessageText.Value(query.File)}\", outside the template's folder.");
            }

            if (string.IsNullOrWhiteSpace(query.File) || !File.Exists(file))
            {
                throw new TemplateException(definitionPath, $"query \"{queryName}\" names the file \"{query.File}\", which does not exist.");
            }

            var text = File.ReadAllText(file, Encoding.UTF8);
            used.UnionWith(shared.UsedBy(text));
            sql[queryName] = shared.Expand(text);
        }

        var strings = new Dictionary<string, IReadOnlyDictionary<string, object>>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(directory, "strings.*.yaml").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileName(file)["strings.".Length..^".yaml".Length];
            strings[language] = Deserialize<Dictionary<string, object>?>(file) ?? [];
        }

        if (!strings.ContainsKey("vi"))
        {
            throw new TemplateException(Path.Combine(directory, "strings.vi.yaml"), "every template needs its Vietnamese strings.");
        }

        // The name is how runs, the archive and file names refer to the template: it must lead back to this folder.
        if (name != folder)
        {
            throw new TemplateException(definitionPath, $"the template's name \"{name}\" must equal its folder's name \"{folder}\".");
        }

        return new ReportTemplate
        {
            Name = name,
            Directory = directory,
            Definition = definition,
            QuerySql = sql,
            Shared = shared,
            SharedUsed = [.. used],
            Strings = strings,
        };
    }

    private static T Deserialize<T>(string path) => PlainYaml.Deserialize<T>(Yaml, path);
}
