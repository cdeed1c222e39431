using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Data.Demo;

/// <summary>Generates the demo database once per test run: it takes seconds, and the tests only read it.</summary>
public sealed class DemoDatabaseFixture : IDisposable
{
    public const string AsOf2024 = "2024-08-31";
    public const string AsOf2023 = "2023-08-31";

    /// <summary>The counting rules of the reports: organisations and members active on a date.</summary>
    public const string ActiveOrganizations = "founded_on <= @asOf AND (dissolved_on IS NULL OR dissolved_on > @asOf)";
    public const string ActiveMembers = "joined_on <= @asOf AND (left_on IS NULL OR left_on > @asOf)";

    private readonly TempFolder folder = new();

    public DemoDatabaseFixture()
    {
        Path = folder.File("demo.db");
        try
        {
            Summary = DemoDataset.Create(Path);
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            folder.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public DemoSummary Summary { get; }

    public long Scalar(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(Path, readOnly: true);
        return connection.ExecuteScalar<long>(sql, parameters);
    }

    public SqliteConnection Open() => SqliteDatabase.Open(Path, readOnly: true);

    public void Dispose() => folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DemoDatabaseGroup : ICollectionFixture<DemoDatabaseFixture>
{
    public const string Name = "Demo database";
}
