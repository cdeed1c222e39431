using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.EndToEnd;

/// <summary>Runs `demo --out DIR` once for the tests that read its database and PDFs.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Directory => _folder.Path;

    public string Database => _folder.File("demo.db");

    public CliRun Run { get; private set; } = null!;

    public string Pdf(string language) => Run.OutputLines.Single(line => line.EndsWith($"-{language}.pdf", StringComparison.Ordinal));

    public async Task InitializeAsync() => Run = await CliRun.Invoke("demo", "--out", Directory);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo";
}
