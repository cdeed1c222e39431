using System.Globalization;
using Dapper;
using Npgsql;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster holding the demo data once, as a template database; every test takes
/// its own fresh copy with <see cref="NewDatabase"/> (CREATE DATABASE ... TEMPLATE, a file copy: well under
/// a second, where generating and copying the demo again takes many). Use it as a class or collection
/// fixture (<see cref="PostgresDemoGroup"/>); the copies live until the fixture is disposed.
/// </summary>
/// <remarks>
/// The template is the demo SQLite database copied with <see cref="SqliteToPostgres"/>, as `db copy --to`
/// does: the organisations data and the migrated schema, no runs, no Quartz tables (serve provisions them),
/// and the grants of the reader role `db reader-role` makes (reports render only through it: pass
/// <see cref="Environment"/> to a serve process).
/// The template refuses connections, because PostgreSQL copies a template only while nobody is connected to it.
/// </remarks>
public sealed class PostgresDemo : IDisposable
{
    private const string Template = "demo";
    private const string ReaderRole = "reportengine_reader";
    private readonly TempFolder _folder = new();
    private readonly Lock _creating = new();
    private int _copies;

    public PostgresDemo()
    {
        Assert.True(PostgresCluster.IsAvailable, "PostgreSQL 15 binaries are needed (tests/run installs them)");
        Cluster = new PostgresCluster();
        try
        {
            Sqlite = _folder.File("demo.db");
            DemoDataset.Create(Sqlite);
            Cluster.CreateDatabase(Template);
            var template = Cluster.ConnectionString(Template);
            Copied = SqliteToPostgres.Copy(Sqlite, template);
            // The SELECT-only role reports read through (ConnectionStrings:ReportsReader); its grants are copied with the template.
            var reader = CliRun.Invoke("db", "reader-role", "--name", ReaderRole, "--db", template).GetAwaiter().GetResult();
            Assert.True(reader.ExitCode == 0, reader.Error);
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Cluster.ConnectionString("postgres"));
            connection.Open();
            connection.Execute($"ALTER DATABASE {Template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The cluster, for a test that needs another database or the port.</summary>
    public PostgresCluster Cluster { get; }

    /// <summary>The demo SQLite database the template was copied from (read it, do not write it).</summary>
    public string Sqlite { get; }

    /// <summary>Rows copied per table into the template.</summary>
    public IReadOnlyDictionary<string, long> Copied { get; } = new Dictionary<string, long>();

    /// <summary>A connection string of a fresh database holding the demo data, for this caller alone.</summary>
    public string NewDatabase()
    {
        // One CREATE DATABASE at a time: PostgreSQL refuses to copy a template another copy is reading.
        lock (_creating)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"demo_{++_copies}");
            using var connection = new NpgsqlConnection(Cluster.ConnectionString("postgres") + ";Pooling=false");
            connection.Open();
            // FILE_COPY: copies the files and checkpoints (cheap with fsync off) instead of writing
            // every block of the template to the WAL, as PostgreSQL 15's default strategy does.
            connection.Execute($"CREATE DATABASE {name} TEMPLATE {Template} STRATEGY FILE_COPY");
            return Cluster.ConnectionString(name);
        }
    }

    /// <summary>
    /// The reader role's connection string for a copy (trust authentication here, so no password): what
    /// ConnectionStrings:ReportsReader (Worker env: ConnectionStrings__ReportsReader) must name for reports to render.
    /// </summary>
    public static string ReaderOf(string database) => new NpgsqlConnectionStringBuilder(database) { Username = ReaderRole }.ToString();

    /// <summary>The environment a `serve` or CLI process needs for this copy: the owner's and the reader's connection strings.</summary>
    public static Dictionary<string, string> Environment(string database) => new()
    {
        ["ConnectionStrings__Reports"] = database,
        ["ConnectionStrings__ReportsReader"] = ReaderOf(database),
    };

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Cluster?.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Tests sharing one <see cref="PostgresDemo"/> (one cluster, one template) run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresDemoGroup : ICollectionFixture<PostgresDemo>
{
    public const string Name = "PostgreSQL demo";
}
