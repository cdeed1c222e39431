using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Tests.Postgres;

/// <summary>The fixture other PostgreSQL tests build on: every copy holds the whole demo and is independent.</summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class PostgresDemoTests(PostgresDemo demo)
{
    [Fact]
    public void Each_new_database_is_a_separate_full_copy_of_the_demo()
    {
        var first = demo.NewDatabase();
        var second = demo.NewDatabase();
        Assert.NotEqual(first, second);

        using (var connection = PostgresDatabase.Open(first))
        {
            Assert.Equal(demo.Copied["members"], connection.ExecuteScalar<long>("SELECT COUNT(*) FROM members"));
            Assert.Equal(demo.Copied["committees"], connection.ExecuteScalar<long>("SELECT COUNT(*) FROM committees"));
            connection.Execute("DELETE FROM committee_recipients");
        }

        using var other = PostgresDatabase.Open(second);
        Assert.Equal(demo.Copied["committee_recipients"], other.ExecuteScalar<long>("SELECT COUNT(*) FROM committee_recipients"));
    }
}
