using Dapper;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Tests.Postgres;

namespace ReportEngine.Tests.ClusterOps;

/// <summary>The name the archive marker gives a PostgreSQL database: one per database, however a worker connects.</summary>
[Collection(PostgresDemoGroup.Name)]
public sealed class DatabaseIdentityTests(PostgresDemo demo)
{
    [Fact]
    public void Every_way_of_connecting_to_one_database_names_it_alike_and_another_database_differently()
    {
        var database = demo.NewDatabase();
        var owner = new NpgsqlConnectionStringBuilder(database);
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Execute("CREATE ROLE plain_worker LOGIN; GRANT CONNECT ON DATABASE " + owner.Database + " TO plain_worker");
        }

        // Another role, no superuser (pg_control_system() is readable by any role), with other connection settings.
        var plain = new NpgsqlConnectionStringBuilder(database) { Username = "plain_worker", Pooling = false, ApplicationName = "worker-2" }.ToString();
        long system;
        using (var connection = new NpgsqlConnection(database))
        {
            system = connection.ExecuteScalar<long>("SELECT system_identifier FROM pg_control_system()");
        }

        Assert.Equal($"PostgreSQL system {system}, database {owner.Database}", DatabaseIdentity.Of(database));
        Assert.Equal(DatabaseIdentity.Of(database), DatabaseIdentity.Of(plain));
        Assert.NotEqual(DatabaseIdentity.Of(database), DatabaseIdentity.Of(demo.NewDatabase()));
    }
}
