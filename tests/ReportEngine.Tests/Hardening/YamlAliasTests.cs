using ReportEngine.Scheduling;
using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>YAML anchors and aliases are refused where the parser meets them, naming the file and line.</summary>
public sealed class YamlAliasTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Template => Path.Combine(_folder.Path, "valid");

    public YamlAliasTests()
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "Templates", "Broken", "valid");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Template, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    [Fact]
    public async Task A_self_referencing_alias_is_refused_with_its_line_instead_of_killing_the_process()
    {
        // Before: StringsCheck followed the cycle until the stack overflowed, and the process died with exit 134.
        await File.AppendAllTextAsync(Path.Combine(Template, "strings.en.yaml"), "loop: &x\n  again: *x\n");
        var lines = File.ReadAllLines(Path.Combine(Template, "strings.en.yaml")).Length;

        var result = await CliProcess.Run(_folder.Path, "templates", "validate", Template);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Stack overflow", result.Error, StringComparison.Ordinal);
        Assert.Contains($"strings.en.yaml({lines - 1},7): the anchor &x is not allowed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_in_a_template_definition_is_refused_with_its_file_and_line()
    {
        var definition = Path.Combine(Template, TemplateLoader.DefinitionFileName);
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("title: title", "title: &t title", StringComparison.Ordinal));

        var error = Assert.Throws<TemplateException>(() => TemplateLoader.LoadDirectory(Template));

        Assert.Equal(definition, error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("the anchor &t is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_aliases_are_refused_at_the_first_anchor_before_anything_is_expanded()
    {
        // "Billion laughs": each level names the one above ten times; walking the strings would take 10^9 steps.
        var strings = Path.Combine(Template, "strings.en.yaml");
        var laughs = new List<string> { "l0: &l0 [lol]" };
        for (var level = 1; level <= 9; level++)
        {
            laughs.Add($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]");
        }

        var before = File.ReadAllLines(strings).Length;
        File.AppendAllLines(strings, laughs);

        var error = Assert.Throws<TemplateException>(() => TemplateLoader.LoadDirectory(Template));

        Assert.Equal(strings, error.File);
        Assert.Equal(before + 1, error.Line);
        Assert.Contains("the anchor &l0 is not allowed", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_in_the_schedules_file_is_refused_with_its_line()
    {
        var file = _folder.File("schedules.yaml");
        File.WriteAllText(file, """
            schedules:
              - id: first
                template: valid
                cron: "0 0 7 5 9 ?"
                parameters: &common { year: "2024" }
              - id: second
                template: valid
                cron: "0 0 8 5 9 ?"
                parameters: *common
            """);
        var loader = new ScheduleLoader(_folder.Path, _folder.File("reports.db"), "Asia/Ho_Chi_Minh", TimeProvider.System);

        var error = Assert.Throws<TemplateException>(() => loader.Load(file));

        Assert.Equal(5, error.Line);
        Assert.Contains("the anchor &common is not allowed", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
