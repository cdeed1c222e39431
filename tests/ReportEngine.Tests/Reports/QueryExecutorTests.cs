using System.Diagnostics;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Reports;

public class QueryExecutorTests
{
    private const string Endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT MAX(i) AS i FROM n";

    [Fact]
    public void A_query_past_its_time_limit_is_stopped_with_a_clear_error()
    {
        using var folder = new TempFolder();
        using var connection = SqliteDatabase.Open(folder.File("empty.db"));
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ReportEngineException>(() =>
            new QueryExecutor(connection, TimeSpan.FromMilliseconds(300)).Execute("endless", Endless, new Dictionary<string, object>()));
        Assert.Contains("\"endless\" ran longer than its time limit", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.2, 10);
    }

    [Fact]
    public void Report_queries_cannot_write()
    {
        using var folder = new TempFolder();
        using (var writable = SqliteDatabase.Open(folder.File("data.db")))
        {
            using var create = writable.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            create.ExecuteNonQuery();
        }

        using var readOnly = SqliteDatabase.Open(folder.File("data.db"), readOnly: true);
        var error = Assert.Throws<ReportEngineException>(() =>
            new QueryExecutor(readOnly, TimeSpan.FromSeconds(5)).Execute("sneaky", "INSERT INTO t VALUES (1) RETURNING x", new Dictionary<string, object>()));
        Assert.Contains("readonly", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_sql_error_names_the_query()
    {
        using var folder = new TempFolder();
        using var connection = SqliteDatabase.Open(folder.File("empty.db"));
        var error = Assert.Throws<ReportEngineException>(() =>
            new QueryExecutor(connection, TimeSpan.FromSeconds(5)).Execute("summary", "SELECT nope FROM nowhere", new Dictionary<string, object>()));
        Assert.Contains("Query \"summary\" failed", error.Message, StringComparison.Ordinal);
    }
}
