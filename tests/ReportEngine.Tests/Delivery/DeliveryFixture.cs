using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>The demo database, generated once for the delivery tests; each test works on its own copy.</summary>
public sealed class DeliveryFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public DeliveryFixture()
    {
        Template = _folder.File("demo.db");
        DemoDataset.Create(Template);
    }

    public string Template { get; }

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
public sealed class DeliveryGroup : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "delivery";
}
