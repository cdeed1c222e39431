using ReportEngine.Data;
using ReportEngine.Templates.Sql;
using ReportEngine.Templates.Validation;
using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Templates;

/// <summary>Each folder under Templates/Broken seeds one mistake into a copy of a small valid template.</summary>
[Collection(DemoGroup.Name)]
public class TemplateValidatorTests(DemoFixture demo)
{
    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "Templates", "Broken", name);

    [Fact]
    public void The_valid_fixture_and_the_shipped_templates_have_no_problems()
    {
        using var database = ReportsDatabase.OpenForReports(demo.Database);
        var validator = new TemplateValidator(database);
        Assert.Empty(validator.Validate(Fixture("valid")));
        foreach (var template in Directory.GetDirectories(RepositoryPaths.Templates).Where(d => Path.GetFileName(d) != SharedQueries.FolderName))
        {
            var problems = validator.Validate(template);
            Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Message)));
        }
    }

    [Theory]
    [InlineData("yaml-syntax", "template.yaml", 16, 18, "")]
    [InlineData("unknown-block", "template.yaml", 14, 14, "histogram")]
    [InlineData("unknown-property", "template.yaml", 18, 18, "colour")]
    [InlineData("missing-query", "template.yaml", 17, 17, "communes")]
    [InlineData("missing-column", "template.yaml", 20, 20, "population")]
    [InlineData("liquid-error", "template.yaml", 15, 15, "Liquid error")]
    [InlineData("unknown-string", "template.yaml", 20, 20, "col_kode")]
    [InlineData("bad-default", "template.yaml", 5, 7, "twenty")]
    public void Each_seeded_mistake_is_found_with_its_file_and_line(string fixture, string file, int fromLine, int toLine, string mentions)
    {
        using var database = ReportsDatabase.OpenForReports(demo.Database);
        var problem = Assert.Single(new TemplateValidator(database).Validate(Fixture(fixture)));
        Assert.Equal(Path.Combine(Fixture(fixture), file), problem.File);
        Assert.InRange(problem.Line, fromLine, toLine);
        Assert.True(problem.Column > 0, "a column is given");
        Assert.Contains(mentions, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_missing_in_one_language_names_that_language_file_and_the_key()
    {
        var problem = Assert.Single(new TemplateValidator(null).Validate(Fixture("missing-string")));
        Assert.Equal(Path.Combine(Fixture("missing-string"), "strings.en.yaml"), problem.File);
        Assert.Contains("col_code", problem.Message, StringComparison.Ordinal);
        Assert.Contains("strings.vi.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validate_verb_exits_non_zero_and_prints_every_problem()
    {
        var broken = await CliRun.Invoke("templates", "validate", Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "Templates", "Broken"), "--db", demo.Database);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("valid: ok", broken.Output, StringComparison.Ordinal);
        Assert.Contains("missing-column: 1 problem(s)", broken.Output, StringComparison.Ordinal);

        var shipped = await CliRun.Invoke("templates", "validate", "--db", demo.Database);
        Assert.True(shipped.ExitCode == 0, shipped.Output + shipped.Error);
    }
}
