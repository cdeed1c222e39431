using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.EndToEnd;

/// <summary>Runs `demo --out DIR` once for the tests that read its database and PDFs.</summary>
public sealed class DemoFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string Directory => _folder.Path;

    public string Database => _folder.File("demo.db");

    public CliRun Run { get; private set; } = null!;

    public string Pdf(string language) => Run.OutputLines.Single(line => line.EndsWith($"-{language}.pdf", StringComparison.Ordinal));

    public async Task InitializeAsync() => Run = await CliRun.Invoke("demo", "--out", Directory);

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DemoGroup : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo";
}
