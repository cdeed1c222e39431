using ReportEngine.Delivery;
using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>Names, codes and parameter values that reach a path stay one plain name inside their root.</summary>
[Collection(IsolationGroup.Name)]
public sealed class PathContainmentTests(IsolationFixture fixture)
{
    [Fact]
    public void A_template_whose_name_differs_from_its_folder_is_refused_naming_its_definition_file()
    {
        using var world = new IsolationWorld(fixture);
        var definition = Path.Combine(world.Templates, "committee-report", "template.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("name: committee-report", "name: ../../outside", StringComparison.Ordinal));

        var error = Assert.Throws<TemplateException>(() => TemplateLoader.Load(world.Templates, "committee-report"));

        Assert.Equal(Path.GetFullPath(definition), Path.GetFullPath(error.File));
        Assert.Contains("name \"../../outside\" must equal its folder's name \"committee-report\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../templates/committee-report")]
    [InlineData("/etc")]
    [InlineData("committee-report\0")]
    public void A_template_name_that_is_not_one_folder_name_is_refused(string name)
    {
        using var world = new IsolationWorld(fixture);

        var error = Assert.Throws<ReportEngineException>(() => TemplateLoader.Load(world.Templates, name));

        Assert.Contains("cannot be used in a file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_code_with_a_path_is_refused_with_one_error_line_and_nothing_is_written_outside_the_archive_or_out()
    {
        using var world = new IsolationWorld(fixture);
        const string code = "../../../../../escape";
        world.Execute(
            """
            INSERT INTO organizations (code, name, scope, kind, field, locality_id, founded_on)
            SELECT @code, 'Hội thử', scope, kind, field, locality_id, founded_on FROM organizations WHERE id = (SELECT MIN(id) FROM organizations)
            """,
            new { code });
        // Deep enough that a name escaping the archive or --out still lands inside this test's folder.
        var deep = Directory.CreateDirectory(Path.Combine(world.Path, "a", "b", "c", "d", "e")).FullName;

        var run = await CliRun.Invoke("run", "organization-sheet", "--set", $"organization={code}", "--set", "year=2024",
            "--db", world.Database, "--archive", Path.Combine(deep, "archive"), "--out", Path.Combine(deep, "out"));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("Parameter \"organization\" \"../../../../../escape\" cannot be used in a file name: it contains a path separator", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(world.Path, "*escape*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(world.Path, "*.pdf", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../escape.pdf")]
    [InlineData("sub/escape.pdf")]
    [InlineData("..")]
    public void A_drop_file_name_with_a_path_is_refused_and_nothing_is_written_outside_the_share(string fileName)
    {
        using var folder = new TempFolder();
        var share = Directory.CreateDirectory(folder.File("share")).FullName;
        var pdf = folder.File("report.pdf");
        File.WriteAllText(pdf, "%PDF-1.7 test");

        var outcome = FileDrop.Copy(pdf, share, fileName);

        Assert.Equal(DeliveryOutcomeKind.Refused, outcome.Kind);
        Assert.False(File.Exists(folder.File("escape.pdf")));
        Assert.Empty(Directory.GetFileSystemEntries(share));
    }
}
