using Dapper;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Hardening;

/// <summary>`db copy` into a real PostgreSQL cluster is all or nothing.</summary>
[Collection(WorkerGroup.Name)]
public sealed class DbCopyTransactionTests(WorkerFixture fixture) : IDisposable
{
    private static readonly string[] Tables =
        ["localities", "organizations", "members", "member_counts", "activities", "targets", "eligible_populations", "committees", "committee_recipients", "imports"];

    private readonly TempFolder _folder = new();
    private readonly PostgresCluster _cluster = new();

    [Fact]
    public async Task A_copy_that_fails_on_a_row_leaves_the_target_empty_and_a_retry_copies_everything()
    {
        var sqlite = fixture.CopyInto(_folder.Path);
        _cluster.CreateDatabase("copy");
        var postgres = _cluster.ConnectionString("copy");
        // A NUL character: SQLite keeps it, PostgreSQL's text refuses it. imports is copied last.
        using (var connection = SqliteDatabase.Open(sqlite))
        {
            Assert.Equal(1, connection.Execute("UPDATE imports SET summary = 'bad' || char(0) || 'row' WHERE id = (SELECT MAX(id) FROM imports)"));
        }

        var failed = await CliRun.Invoke("db", "copy", "--to", postgres, "--db", sqlite);

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("error: The copy into PostgreSQL failed and was rolled back", failed.Error, StringComparison.Ordinal);
        Assert.Equal(Tables.Select(t => (t, 0L)), Tables.Select(t => (t, Count(postgres, t))));

        using (var connection = SqliteDatabase.Open(sqlite))
        {
            connection.Execute("UPDATE imports SET summary = '{}' WHERE summary LIKE 'bad%'");
        }

        var retried = await CliRun.Invoke("db", "copy", "--to", postgres, "--db", sqlite);

        Assert.True(retried.ExitCode == 0, retried.Error);
        using var source = SqliteDatabase.Open(sqlite, readOnly: true);
        Assert.Equal(Tables.Select(t => (t, source.ExecuteScalar<long>($"SELECT COUNT(*) FROM {t}"))), Tables.Select(t => (t, Count(postgres, t))));
        Assert.True(Count(postgres, "members") > 400_000);
    }

    private static long Count(string postgres, string table)
    {
        using var connection = PostgresDatabase.Open(postgres);
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster.Dispose();
        _folder.Dispose();
    }
}
