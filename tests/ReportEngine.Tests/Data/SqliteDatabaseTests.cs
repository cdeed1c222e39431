using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Data;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_bare_path_opens_a_new_file_and_creates_its_folder()
    {
        var path = Path.Combine(folder.Path, "nested", "deeper", "reports.db");

        using var connection = SqliteDatabase.Open(path);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_connection_string_is_accepted_as_well_as_a_path()
    {
        var path = folder.File("reports.db");

        using var connection = SqliteDatabase.Open($"Data Source={path};Cache=Shared");

        Assert.Equal(path, connection.DataSource);
    }

    [Fact]
    public void A_read_write_connection_uses_wal_normal_sync_and_foreign_keys()
    {
        using var connection = SqliteDatabase.Open(folder.File("reports.db"));

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode;"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("PRAGMA synchronous;"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("PRAGMA foreign_keys;"));
    }

    [Fact]
    public void A_read_only_connection_cannot_write()
    {
        var path = folder.File("reports.db");
        using (var writer = SqliteDatabase.Open(path))
        {
            writer.Execute("CREATE TABLE t (x INTEGER)");
        }

        using var reader = SqliteDatabase.Open(path, readOnly: true);

        Assert.Throws<SqliteException>(() => reader.Execute("INSERT INTO t VALUES (1)"));
    }

    [Fact]
    public void Opening_a_missing_database_read_only_says_there_is_no_database()
    {
        var path = folder.File("missing.db");

        var error = Assert.Throws<ReportEngineException>(() => SqliteDatabase.Open(path, readOnly: true));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
