using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>
/// The demo database, generated once for the worker tests; each test works on its own copy,
/// because a worker writes its runs and the Quartz tables into the database it serves.
/// </summary>
public sealed class WorkerFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public WorkerFixture()
    {
        Template = _folder.File("demo.db");
        DemoDataset.Create(Template);
    }

    public string Template { get; }

    /// <summary>A fresh copy of the demo database at folder/reports.db.</summary>
    public string CopyInto(string folder)
    {
        var copy = Path.Combine(folder, "reports.db");
        using (var connection = SqliteDatabase.Open(Template, readOnly: true))
        {
            connection.Execute("VACUUM INTO @copy", new { copy });
        }

        return copy;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerGroup : ICollectionFixture<WorkerFixture>
{
    public const string Name = "worker";
}
