using ReportEngine.Data;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>A connection string may carry a password: messages and logs name the database, never the string.</summary>
public class SecretsNotPrintedTests
{
    private const string Secret = "hunter2-not-for-logs";

    [Theory]
    [InlineData($"Host=127.0.0.1;Port=5999;Database=reports;Username=engine;Password={Secret}", "PostgreSQL 127.0.0.1:5999/reports as engine")]
    [InlineData($"Server=127.0.0.1;Port=5999;Database=reports;User ID=engine;Password={Secret}", "PostgreSQL 127.0.0.1:5999/reports as engine")]
    [InlineData($"Host=127.0.0.1;Pasword={Secret}", "(a connection string that cannot be read)")]
    public void A_database_is_described_by_where_it_is(string connectionString, string described)
    {
        Assert.Equal(described, DatabaseLocation.Describe(connectionString));
    }

    [Fact]
    public void A_sqlite_database_is_described_by_its_file()
    {
        Assert.Equal(Path.GetFullPath("data/reports.db"), DatabaseLocation.Describe("Data Source=data/reports.db"));
        Assert.Equal(Path.GetFullPath("x.db"), DatabaseLocation.Describe("x.db"));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_named_without_its_password()
    {
        // Port 1 on loopback: nothing listens there, so opening fails at once.
        var run = await CliRun.Invoke("db", "init", "--db", $"Host=127.0.0.1;Port=1;Database=reports;Username=engine;Password={Secret};Timeout=2");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Cannot open the PostgreSQL database (PostgreSQL 127.0.0.1:1/reports as engine)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
    }
}
