using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Data.Demo;

namespace ReportEngine.Tests.Support;

/// <summary>
/// The demo database, generated once for a group of tests; each test works on its own copy,
/// because the worker and the sender write runs, Quartz tables and deliveries into the database.
/// </summary>
public abstract class DemoDatabaseCopies : IDisposable
{
    private readonly TempFolder _folder = new();

    protected DemoDatabaseCopies()
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
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
