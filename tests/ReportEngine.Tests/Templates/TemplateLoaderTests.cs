using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Templates;

public class TemplateLoaderTests
{
    [Fact]
    public void The_annual_assessment_loads_with_its_queries_and_three_languages()
    {
        var template = TemplateLoader.Load(RepositoryPaths.Templates, "annual-assessment");
        Assert.Equal("annual-assessment", template.Name);
        Assert.Contains("summary", template.QuerySql.Keys);
        Assert.Equal(["en", "pl", "vi"], template.Languages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_language_has_the_same_string_keys()
    {
        var template = TemplateLoader.Load(RepositoryPaths.Templates, "annual-assessment");
        var vi = Keys(template.Strings["vi"], "");
        foreach (var language in new[] { "en", "pl" })
        {
            Assert.Equal(vi, Keys(template.Strings[language], ""));
        }
    }

    [Fact]
    public void An_unknown_property_is_reported_with_file_and_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("template.yaml"), "name: broken\nlayout:\n  - type: heading\n    colour: red\n");
        File.WriteAllText(folder.File("strings.vi.yaml"), "title: x\n");
        var error = Assert.Throws<TemplateException>(() => TemplateLoader.LoadDirectory(folder.Path));
        Assert.EndsWith("template.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_whose_file_is_missing_is_named()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("template.yaml"), "name: broken\nqueries:\n  summary: { file: queries/nope.sql }\n");
        File.WriteAllText(folder.File("strings.vi.yaml"), "title: x\n");
        var error = Assert.Throws<TemplateException>(() => TemplateLoader.LoadDirectory(folder.Path));
        Assert.Contains("queries/nope.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_template_name_lists_the_templates_there_are()
    {
        var error = Assert.Throws<ReportEngineException>(() => TemplateLoader.Load(RepositoryPaths.Templates, "no-such-report"));
        Assert.Contains("annual-assessment", error.Message, StringComparison.Ordinal);
    }

    private static SortedSet<string> Keys(IReadOnlyDictionary<string, object> table, string prefix)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in table)
        {
            if (value is IDictionary<object, object> nested)
            {
                keys.UnionWith(Keys(nested.ToDictionary(p => p.Key.ToString()!, p => p.Value), $"{prefix}{key}."));
            }
            else
            {
                keys.Add(prefix + key);
            }
        }

        return keys;
    }
}
