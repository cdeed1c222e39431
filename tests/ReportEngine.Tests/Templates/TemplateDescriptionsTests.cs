using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Templates;

/// <summary>`templates list` and `templates show`, from the repository's own templates, in a real process.</summary>
public sealed class TemplateDescriptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static Dictionary<string, string> Environment => new() { ["Templates__Path"] = RepositoryPaths.Templates };

    [Fact]
    public async Task Templates_list_prints_each_template_with_its_description_and_languages()
    {
        var cli = await CliProcess.Run(_folder.Path, Environment, null, "templates", "list");

        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("annual-assessment  Annual assessment of mass organisations  (en, pl, vi)", cli.Output.Split('\n').Select(l => l.TrimEnd()));
        Assert.DoesNotContain("_shared", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_show_prints_parameters_with_type_default_range_and_description_then_the_queries()
    {
        var cli = await CliProcess.Run(_folder.Path, Environment, null, "templates", "show", "annual-assessment");
        var lines = cli.Output.Split('\n').Select(l => l.TrimEnd()).ToList();

        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("  year  int  default last-closed-year  range 2000..2100", lines);
        Assert.Contains("      The year assessed, from 1 September of the year before to 31 August.", lines);
        Assert.Contains("  locality  locality  default binh-thuan", lines);
        Assert.Contains("languages:    en, pl, vi", lines);
        Assert.Contains("  summary  queries/summary.sql  (one row)", lines);
        Assert.Contains("document:     BC", lines);
    }

    [Fact]
    public async Task An_unknown_template_is_refused_with_runs_message()
    {
        var cli = await CliProcess.Run(_folder.Path, Environment, null, "templates", "show", "nope");
        var refused = Assert.Throws<ReportEngineException>(() => new TemplateDescriptions(RepositoryPaths.Templates).Describe("nope"));

        Assert.Equal(1, cli.ExitCode);
        Assert.Equal("error: " + refused.Message, cli.Error.Trim());
    }

    [Fact]
    public void The_description_object_carries_what_a_run_form_needs()
    {
        var assessment = new TemplateDescriptions(RepositoryPaths.Templates).Describe("annual-assessment");

        var year = assessment.Parameters[0];
        Assert.Equal(("year", "int", 2000, 2100, false), (year.Name, year.Type, year.Min, year.Max, year.Required));
        Assert.Equal(["en", "pl", "vi"], assessment.Languages);
        Assert.Equal(64, assessment.Version.Length);
    }

    public void Dispose() => _folder.Dispose();
}
