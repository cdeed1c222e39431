using ReportEngine.Templates.Validation;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// `templates validate` checks the page: settings (issue 14 follow-up): an unknown style, font or size, a margin out
/// of range, or a Party document outside Guidance 36-HD/VPTW's margins and body size is one problem naming the
/// file and the line of the value, before any run meets it.
/// </summary>
public sealed class PageSettingsValidationTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("  style: official", 5, "page style \"official\" is unknown")]
    [InlineData("  font: comic", 5, "page font \"comic\" is unknown")]
    [InlineData("  size: letter", 5, "page size \"letter\" is unknown")]
    [InlineData("  font-size: 40", 5, "page font-size 40 is out of range")]
    [InlineData("  margins-mm: { top: 20, right: 15, bottom: 20, left: 300 }", 5, "page margins-mm left 300 is out of range (5 to 60 mm)")]
    [InlineData("  margins-mm: { top: 2, right: 15, bottom: 20, left: 30 }", 5, "page margins-mm top 2 is out of range")]
    [InlineData("  style: party\n  font-size: 14\n  margins-mm: { top: 20, right: 15, bottom: 20, left: 25 }", 7, "a Party document's left margin is 30 to 35 mm")]
    [InlineData("  style: party\n  font-size: 13\n  margins-mm: { top: 20, right: 15, bottom: 20, left: 30 }", 6, "a Party document's body text is 14 to 15 pt")]
    public void A_wrong_page_setting_is_one_problem_naming_the_file_and_its_line(string settings, int line, string mentions)
    {
        var template = Copy("page:\n" + settings);
        var problem = Assert.Single(new TemplateValidator(null).Validate(template));
        Assert.Equal(Path.Combine(template, "template.yaml"), problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(mentions, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_settings_within_the_guidance_pass()
    {
        var template = Copy("page:\n  style: party\n  font: serif\n  font-size: 15\n  margins-mm: { top: 25, right: 20, bottom: 25, left: 35 }");
        Assert.Empty(new TemplateValidator(null).Validate(template));
    }

    /// <summary>The valid fixture with a page: section after its title (line 3): "page:" is line 4, its first setting line 5.</summary>
    private string Copy(string page)
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "Templates", "Broken", "valid");
        var target = folder.File("valid");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var definition = Path.Combine(target, "template.yaml");
        var lines = File.ReadAllLines(definition).ToList();
        lines.Insert(3, page);
        File.WriteAllLines(definition, lines);
        return target;
    }

    public void Dispose() => folder.Dispose();
}
