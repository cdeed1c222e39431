using ReportEngine.Data.Migrations;
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
        Assert.Contains($"an empty organisations database (schema version {EmbeddedMigrations.Load().Max(m => m.Version)})", created.Output, StringComparison.Ordinal);

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

        // The same import into PostgreSQL: every table, then again with nothing to change.
        using var world = new ImportWorld();
        var files = world.Csv("p", ("localities", ImportWorld.Localities), ("organizations", ImportWorld.Organizations), ("members", ImportWorld.Members),
            ("member_counts", "organization,counted_on,members\nclb-huu-tri,2022-08-31,40\n"),
            ("activities", "code,organization,locality,held_on,kind,title,value_vnd\na-1,hoi-chu-thap-do,song-lam,2024-01-05,charity,Quà Tết,150000000\na-2,,song-lam,2024-02-01,guiding_document,,\n"),
            ("targets", "locality,indicator,period_from,period_to,target_value,unit,resolution\nsong-lam,membership_rate:women,2021,2025,75.5,percent,NQ 04\n"),
            ("eligible_populations", "locality,group,year,eligible,members\nsong-lam,women,2024,1000,800\n"),
            ("committees", "code,name,locality,to\nsong-lam,BTV Tỉnh ủy,song-lam,a@example.org\n"));
        var first = await CliRun.Invoke("import", files, "--db", connection);
        Assert.True(first.ExitCode == 0, first.Error);
        var second = await CliRun.Invoke("import", files, "--db", connection);
        Assert.Contains("0 added, 0 changed: the database already holds exactly these data", second.Output, StringComparison.Ordinal);

        var refused = await CliRun.Invoke("db", "init", "--db", connection);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already holds data (4 localities, 3 organizations, 3 members, 1 member counts, 2 activities, 1 targets, 1 eligible populations, 1 committees, 2 imports)", refused.Error, StringComparison.Ordinal);
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
        File.WriteAllBytes(folder.File("empty.xlsx"), []);
        File.WriteAllText(folder.File("text.xlsx"), "not a workbook");

        foreach (var (path, expected) in new[]
        {
            (folder.File("absent"), "There is no file or folder"),
            (folder.File("nothing-here"), "holds none of the import's files"),
            (folder.File("empty.xlsx"), "is not an .xlsx workbook that can be read"),
            (folder.File("text.xlsx"), "is not an .xlsx workbook that can be read"),
        })
        {
            var run = await world.Import(path);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(expected, Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(folder.File("absent")));
        Assert.Equal(before, world.Checksum());
    }
}
