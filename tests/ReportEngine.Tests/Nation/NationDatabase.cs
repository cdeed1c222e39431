using Npgsql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Nation;

/// <summary>
/// A throwaway PostgreSQL cluster holding the nation data at a fiftieth of its size (every unit,
/// fewer organisations and members), made once by `demo --scale nation` for the class, with what
/// the command printed and the reader role reports need. Further databases for comparisons are made with <see cref="Generate"/>.
/// </summary>
public sealed class NationDatabase : IDisposable
{
    public const string Seed = "7";

    /// <summary>A fiftieth: all 3,355 units, some 4,800 organisations and 40,000 members, in seconds.</summary>
    public const string ScaleFactor = "0.02";

    private readonly PostgresCluster _cluster = new();
    private int _databases;

    public NationDatabase()
    {
        (ConnectionString, Printed) = Generate(Seed);
        var made = CliRun.Invoke("db", "reader-role", "--name", "reportengine_reader", "--db", ConnectionString).GetAwaiter().GetResult();
        Assert.True(made.ExitCode == 0, made.Error);
        Reader = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = "reportengine_reader" }.ToString();
    }

    public string ConnectionString { get; }

    /// <summary>The connection reports read through (trust authentication here, so no password).</summary>
    public string Reader { get; }

    /// <summary>What the command printed, one line per table plus seconds=.</summary>
    public IReadOnlyList<string> Printed { get; }

    /// <summary>A new database filled by the command with the seed given; its connection string and output lines.</summary>
    public (string ConnectionString, IReadOnlyList<string> Printed) Generate(string seed)
    {
        var name = "nation" + Interlocked.Increment(ref _databases);
        _cluster.CreateDatabase(name);
        var connectionString = _cluster.ConnectionString(name);
        var run = CliRun.Invoke("demo", "--scale", "nation", "--db", connectionString, "--seed", seed, "--scale-factor", ScaleFactor)
            .GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.Error);
        return (connectionString, run.OutputLines);
    }

    /// <summary>An empty database of the cluster.</summary>
    public string EmptyDatabase()
    {
        var name = "empty" + Interlocked.Increment(ref _databases);
        _cluster.CreateDatabase(name);
        return _cluster.ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster.Dispose();
    }
}
