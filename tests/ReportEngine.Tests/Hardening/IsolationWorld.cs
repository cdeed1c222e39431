using Dapper;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>The demo database, generated once for the isolation tests; each test works on its own copy.</summary>
public sealed class IsolationFixture : DemoDatabaseCopies;

[CollectionDefinition(Name)]
public sealed class IsolationGroup : ICollectionFixture<IsolationFixture>
{
    public const string Name = "isolation";
}

/// <summary>
/// One test's world: a copy of the demo database, a copy of the shipped templates (so a test can turn
/// one hostile), an archive, and the burst, run store and executor the command line uses, in-process.
/// </summary>
internal sealed class IsolationWorld : IDisposable
{
    private readonly TempFolder _folder = new();

    public IsolationWorld(IsolationFixture fixture)
    {
        Database = fixture.CopyInto(_folder.Path);
        Templates = _folder.File("templates");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(Templates, System.IO.Path.GetRelativePath(RepositoryPaths.Templates, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        Settings = new ReportEngineSettings(Database, Templates);
        Runs = new RunStore(Database, TimeProvider.System);
        Archive = new ReportArchive(_folder.File("archive"));
    }

    public string Path => _folder.Path;

    public string Database { get; }

    public string Templates { get; }

    public ReportEngineSettings Settings { get; }

    public RunStore Runs { get; }

    public ReportArchive Archive { get; }

    public BurstRunner Burster() => new(Settings, Runs, TimeProvider.System, "reports@example.org");

    public RunExecutor Executor() => new(Settings, Archive, Runs);

    /// <summary>Replaces one query file of a copied template.</summary>
    public void WriteQuery(string template, string file, string sql) =>
        File.WriteAllText(System.IO.Path.Combine(Templates, template, "queries", file), sql);

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(Database, readOnly: true);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public IReadOnlyList<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(Database, readOnly: true);
        return connection.Query<T>(sql, parameters).AsList();
    }

    public void Execute(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(Database);
        connection.Execute(sql, parameters);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>PDF text with runs of white space as one space (names wrap inside table cells).</summary>
    public static string Collapse(IEnumerable<string> pages) =>
        string.Join(' ', string.Join(' ', pages).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
