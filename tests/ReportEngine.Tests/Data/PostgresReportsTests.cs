using Dapper;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Reports;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Data;

/// <summary>The same report from the demo data in SQLite and copied into a real PostgreSQL cluster on loopback.</summary>
public sealed class PostgresReportsTests : IClassFixture<PostgresReportsTests.Databases>
{
    private readonly Databases _databases;

    public PostgresReportsTests(Databases databases) => _databases = databases;

    [Fact]
    public void The_copy_holds_every_row_of_every_table()
    {
        using var sqlite = SqliteDatabase.Open(_databases.Sqlite, readOnly: true);
        using var postgres = PostgresDatabase.Open(_databases.Postgres);
        foreach (var (table, copied) in _databases.Copied)
        {
            var count = sqlite.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
            Assert.Equal(count, copied);
            Assert.Equal(count, postgres.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}"));
        }

        Assert.Equal(478_957, _databases.Copied["members"]);
    }

    [Theory]
    [InlineData("annual-assessment", "locality=binh-thuan", "1.392 hội quần chúng")]
    [InlineData("committee-report", "locality=la-gi", "La Gi")]
    public void A_report_from_PostgreSQL_reads_exactly_like_the_one_from_SQLite(string template, string locality, string expected)
    {
        using var output = new TempFolder();
        var request = new ReportRequest(template, ParameterAssignments(locality), "vi");
        var runner = new ReportRunner(RepositoryPaths.Templates, new FakeTimeProvider(), TimeSpan.FromSeconds(60));

        string fromSqlite, fromPostgres;
        using (var connection = ReportsDatabase.OpenForReports(_databases.Sqlite))
        {
            fromSqlite = PdfText.Poppler(runner.Render(request, connection, Path.Combine(output.Path, "sqlite")).Path);
        }

        using (var connection = ReportsDatabase.OpenForReports(_databases.Postgres, _databases.Reader))
        {
            fromPostgres = PdfText.Poppler(runner.Render(request, connection, Path.Combine(output.Path, "postgres")).Path);
        }

        Assert.Contains(expected, fromPostgres, StringComparison.Ordinal);
        Assert.Equal(fromSqlite, fromPostgres);
    }

    [Fact]
    public void A_row_added_after_the_copy_is_numbered_after_the_copied_ones()
    {
        using var postgres = PostgresDatabase.Open(_databases.Postgres);
        using var transaction = postgres.BeginTransaction();
        var max = postgres.ExecuteScalar<long>("SELECT MAX(id) FROM activities", transaction: transaction);
        var id = postgres.ExecuteScalar<long>(
            "INSERT INTO activities (locality_id, held_on, kind) VALUES (1, '2024-08-01', 'seminar') RETURNING id", transaction: transaction);
        Assert.Equal(max + 1, id);
        transaction.Rollback();
    }

    [Fact]
    public void Report_queries_on_PostgreSQL_run_in_read_only_transactions()
    {
        using var connection = ReportsDatabase.OpenForReports(_databases.Postgres, _databases.Reader);
        var error = Assert.Throws<PostgresException>(() => connection.Execute("DELETE FROM members"));
        Assert.Equal("25006", error.SqlState); // read_only_sql_transaction
    }

    private static Dictionary<string, string> ParameterAssignments(string locality) =>
        new() { ["year"] = "2024", [locality.Split('=')[0]] = locality.Split('=')[1] };

    /// <summary>One demo database in SQLite, one PostgreSQL cluster with a copy of it and the reader role `db reader-role` makes.</summary>
    public sealed class Databases : IDisposable
    {
        private readonly TempFolder _folder = new();
        private readonly PostgresCluster _cluster = new();

        public Databases()
        {
            Sqlite = _folder.File("demo.db");
            DemoDataset.Create(Sqlite);
            _cluster.CreateDatabase("reports");
            Postgres = _cluster.ConnectionString("reports");
            Copied = SqliteToPostgres.Copy(Sqlite, Postgres);
            var made = CliRun.Invoke("db", "reader-role", "--name", "reportengine_reader", "--db", Postgres).GetAwaiter().GetResult();
            Assert.True(made.ExitCode == 0, made.Error);
            Reader = new NpgsqlConnectionStringBuilder(Postgres) { Username = "reportengine_reader" }.ToString();
        }

        public string Sqlite { get; }

        public string Postgres { get; }

        public IReadOnlyDictionary<string, long> Copied { get; }

        /// <summary>The connection reports read through (trust authentication here, so no password).</summary>
        public string Reader { get; }

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            _cluster.Dispose();
            _folder.Dispose();
        }
    }
}
