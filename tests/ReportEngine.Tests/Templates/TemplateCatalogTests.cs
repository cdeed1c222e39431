using Microsoft.Extensions.Logging;
using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Templates;

public class TemplateCatalogTests
{
    private static readonly string Valid = Path.Combine(RepositoryPaths.Root, "tests", "ReportEngine.Tests", "Templates", "Broken", "valid");

    [Fact]
    public void An_edited_template_is_read_again_on_the_next_use()
    {
        using var folder = Copy(out var directory);
        var catalog = new TemplateCatalog();
        var before = catalog.Get(directory);
        File.WriteAllText(Path.Combine(directory, "strings.en.yaml"), "title: Districts of the province\ncol_name: Name\ncol_code: Code\n");

        var after = catalog.Get(directory);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal("Districts of the province", after.Strings["en"]["title"]);
    }

    [Fact]
    public void An_unchanged_template_is_not_read_again()
    {
        using var folder = Copy(out var directory);
        var catalog = new TemplateCatalog();
        Assert.Same(catalog.Get(directory), catalog.Get(directory));
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_version_and_logs_the_error()
    {
        using var folder = Copy(out var directory);
        var log = new CollectingLogger();
        var catalog = new TemplateCatalog { Logger = log };
        var good = catalog.Get(directory);
        File.AppendAllText(Path.Combine(directory, "template.yaml"), "  - type: histogram\n");

        Assert.Same(good, catalog.Get(directory));
        Assert.Same(good, catalog.Get(directory));
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("histogram", entry.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(directory, "template.yaml"), File.ReadAllText(Path.Combine(directory, "template.yaml")).Replace("  - type: histogram\n", "", StringComparison.Ordinal));
        Assert.Equal(good.Version, catalog.Get(directory).Version);
    }

    [Fact]
    public void A_template_that_was_never_good_fails_with_its_problem()
    {
        using var folder = Copy(out var directory);
        File.AppendAllText(Path.Combine(directory, "template.yaml"), "  - type: histogram\n");
        var error = Assert.Throws<TemplateException>(() => new TemplateCatalog().Get(directory));
        Assert.Contains("histogram", error.Message, StringComparison.Ordinal);
    }

    private static TempFolder Copy(out string directory)
    {
        var folder = new TempFolder();
        directory = Path.Combine(folder.Path, "valid"); // a template's folder is its name
        foreach (var file in Directory.GetFiles(Valid, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(Valid, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    private sealed class CollectingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
