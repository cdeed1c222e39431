using System.Text;
using CsCheck;
using ReportEngine.Data;
using ReportEngine.Templates.Validation;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>
/// `templates validate` on damaged and random template files: every problem is reported as one
/// located line; nothing crashes, hangs or escapes as another exception.
/// </summary>
public sealed class TemplateFuzzTests : IDisposable
{
    private static readonly string[] TopKeys = ["name", "title", "parameters", "queries", "layout", "description", "languages"];

    private static readonly string[] Vocabulary =
    [
        "type", "default", "file", "query", "columns", "header", "field", "format", "text", "items", "label", "value", "blocks",
        "category", "series", "title", "year", "locality", "districts", "width", "align", "single", "t", "q", "col_name",
    ];

    private readonly TempFolder _folder = new();
    private readonly string _template;
    private readonly string _database;

    public TemplateFuzzTests()
    {
        _template = Path.Combine(_folder.Path, "valid");
        var source = Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "Templates", "Broken", "valid");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_template, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        _database = _folder.File("reports.db");
        DatabaseInit.Create(_database, TimeProvider.System);
    }

    [Fact]
    public void Damaged_or_random_template_files_are_accepted_or_refused_with_one_line_each()
    {
        string[] files = ["template.yaml", "strings.vi.yaml", "strings.en.yaml", "queries/districts.sql"];
        var originals = files.Select(f => File.ReadAllBytes(Path.Combine(_template, f))).ToArray();
        var inputs = Gen.Int[0, files.Length - 1].SelectMany(i => Gen.Frequency(
            (4, Mutations.Of(originals[i])),
            (1, RandomYaml.Document(i == 0 ? TopKeys : Vocabulary, Vocabulary).Select(Encoding.UTF8.GetBytes))).Select(bytes => (File: i, Bytes: bytes)));
        using var database = ReportsDatabase.OpenForReports(_database);
        var validator = new TemplateValidator(database);

        FuzzBudget.Run("template", 250, inputs, input => input.Bytes, input =>
        {
            var path = Path.Combine(_template, files[input.File]);
            File.WriteAllBytes(path, input.Bytes);
            try
            {
                Outcome.AcceptedOrRefused(() =>
                {
                    foreach (var problem in validator.Validate(_template))
                    {
                        Outcome.OneLine(problem.Message);
                    }
                });
            }
            finally
            {
                File.WriteAllBytes(path, originals[input.File]);
            }
        });
    }

    public void Dispose() => _folder.Dispose();
}
