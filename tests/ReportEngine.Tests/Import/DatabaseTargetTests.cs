using Npgsql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Import;

/// <summary>db init makes an empty database and refuses one with data; no other verb creates a database or a file.</summary>
public sealed class DatabaseTargetTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Db_init_creates_an_empty_sqlite_database_and_refuses_one_that_holds_data()
    {
        var file = folder.File("sub/reports.db");
        var created = await CliRun.Invoke("db", "init", "--db", file);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("an empty organisations database (schema version 4)", created.Output, StringComparison.Ordinal);

        using (var world = new ImportWorld())
        {
            await world.Import(world.Csv("p", ("localities", ImportWorld.Localities), ("organizations", ImportWorld.Organizations)));
            var before = world.Checksum();

            var refused = await CliRun.Invoke("db", "init", "--db", world.Database);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("already holds data (4 localities, 3 organizations, 1 imports)", refused.Error, StringComparison.Ordinal);
            Assert.Equal(before, world.Checksum());
        }
    }

    [Fact]
    public async Task Db_init_creates_an_empty_postgres_database_and_refuses_one_that_holds_data()
    {
        Assert.True(PostgresCluster.IsAvailable, "PostgreSQL 15 binaries are needed (tests/run installs them)");
        using var cluster = new PostgresCluster();
        cluster.CreateDatabase("office");
        var connection = cluster.ConnectionString("office");

        var created = await CliRun.Invoke("db", "init", "--db", connection);
        Assert.Equal(0, created.ExitCode);

        using (var pg = new NpgsqlConnection(connection))
        {
            pg.Open();
            using var insert = new NpgsqlCommand("INSERT INTO localities (code, name, level, unit_type, valid_from) VALUES ('x', 'X', 'province', 'province', '2020-01-01')", pg);
            insert.ExecuteNonQuery();
        }

        var refused = await CliRun.Invoke("db", "init", "--db", connection);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already holds data (1 localities)", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("runs")]
    [InlineData("imports")]
    public async Task A_missing_empty_or_foreign_database_file_is_one_error_and_nothing_is_created(string verb)
    {
        using var world = new ImportWorld();
        var data = world.Csv("p", ("localities", ImportWorld.Localities));
        File.WriteAllBytes(folder.File("empty.db"), []);
        File.WriteAllText(folder.File("text.db"), "not a database");
        foreach (var (db, expected) in new[] { ("missing.db", "There is no database at"), ("empty.db", "is empty (0 bytes)"), ("text.db", "is not a SQLite database") })
        {
            var files = Directory.GetFiles(folder.Path).Order().ToList();
            var args = verb switch
            {
                "import" => new[] { "import", data },
                "runs" => ["runs", "list"],
                _ => ["imports", "list"],
            };

            var run = await CliRun.Invoke([.. args, "--db", folder.File(db)]);

            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.Equal(files, Directory.GetFiles(folder.Path).Order().ToList());
            Assert.Equal(db == "empty.db" ? 0 : db == "text.db" ? 14 : -1, File.Exists(folder.File(db)) ? new FileInfo(folder.File(db)).Length : -1);
        }
    }

    [Fact]
    public async Task A_missing_path_or_a_folder_without_the_files_is_one_error()
    {
        using var world = new ImportWorld();
        var before = world.Checksum();
        Directory.CreateDirectory(folder.File("nothing-here"));
        File.WriteAllText(folder.File("nothing-here/readme.txt"), "hello");

        foreach (var (path, expected) in new[] { (folder.File("absent"), "There is no file or folder"), (folder.File("nothing-here"), "holds none of the import's files") })
        {
            var run = await world.Import(path);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(expected, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(folder.File("absent")));
        Assert.Equal(before, world.Checksum());
    }
}
