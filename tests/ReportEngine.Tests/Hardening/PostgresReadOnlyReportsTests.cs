using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Reports;
using ReportEngine.Templates.Sql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// On PostgreSQL, reports read through a LOGIN role that holds SELECT and nothing else, made by
/// `db reader-role`. A session setting (SET SESSION CHARACTERISTICS ... READ ONLY) is not enough:
/// a template's SQL can set it back; a role's missing grants it cannot.
/// </summary>
public sealed class PostgresReadOnlyReportsTests : IClassFixture<PostgresReadOnlyReportsTests.Database>
{
    private readonly Database _database;

    public PostgresReadOnlyReportsTests(Database database) => _database = database;

    /// <summary>
    /// The template's first query (locality) switches its transaction, or the session, back to read-write; its
    /// second (summary) writes. Both ways wrote on PostgreSQL while reads relied on a session setting.
    /// </summary>
    [Theory]
    [InlineData("SET TRANSACTION READ WRITE; DELETE FROM members WHERE id IN (SELECT id FROM members ORDER BY id LIMIT 100);", "", "locality")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE;", "DELETE FROM members WHERE id IN (SELECT id FROM members ORDER BY id LIMIT 100);", "summary")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE;", "UPDATE members SET joined_on = '1900-01-01' WHERE id IN (SELECT id FROM members ORDER BY id LIMIT 100);", "summary")]
    public void A_template_that_switches_back_to_read_write_cannot_change_members(string inLocality, string inSummary, string failing)
    {
        using var templates = new TempFolder();
        CopyTemplate(SharedQueries.FolderName, templates.Path);
        CopyTemplate("annual-assessment", templates.Path);
        var queries = Path.Combine(templates.Path, "annual-assessment", "queries");
        File.WriteAllText(Path.Combine(queries, "locality.sql"),
            inLocality + "\nSELECT l.code, l.name, l.level, l.unit_type, l.name AS parent_name FROM localities l WHERE l.code = @locality");
        File.WriteAllText(Path.Combine(queries, "summary.sql"), inSummary + "\nSELECT COUNT(*) AS organizations FROM organizations");
        var before = _database.MembersFingerprint();

        var runner = new ReportRunner(templates.Path, new FakeTimeProvider(), TimeSpan.FromSeconds(60));
        var request = new ReportRequest("annual-assessment", new Dictionary<string, string> { ["year"] = "2024", ["locality"] = "la-gi" }, "vi");
        var error = Record.Exception(() =>
        {
            using var connection = ReportsDatabase.OpenForReports(_database.Owner, _database.Reader);
            runner.Render(request, connection, Path.Combine(templates.Path, "out"));
        });

        Assert.Equal(before, _database.MembersFingerprint());
        Assert.NotNull(error);
        Assert.StartsWith($"Query \"{failing}\" failed: ", error.Message, StringComparison.Ordinal);
        var denied = Assert.IsType<PostgresException>(error.InnerException);
        // insufficient_privilege: the role, not a session setting, says no. A switch of the session's
        // characteristics reaches no statement of the run: all its queries share one READ ONLY snapshot
        // transaction, which refuses the write first (read_only_sql_transaction); the role would refuse it next.
        Assert.Contains(denied.SqlState, (string[])(failing == "locality" ? ["42501"] : ["42501", "25006"]));
    }

    [Theory]
    [InlineData("GRANT INSERT ON members TO {0}", "INSERT on members")]
    [InlineData("GRANT TRUNCATE ON committees TO {0}", "TRUNCATE on committees")]
    [InlineData("CREATE TABLE scratch_{0} (x int); ALTER TABLE scratch_{0} OWNER TO {0}", "owns scratch_")]
    [InlineData("ALTER ROLE {0} BYPASSRLS", "bypasses row-level security")]
    [InlineData("ALTER ROLE {0} CREATEROLE", "may create roles")]
    [InlineData("CREATE ROLE {0}_writers NOLOGIN; GRANT UPDATE ON members TO {0}_writers; GRANT {0}_writers TO {0}", "member of {0}_writers")]
    public void A_reader_connection_whose_role_can_write_is_refused_at_open_naming_the_role(string grant, string expected)
    {
        var role = "careless_" + Guid.NewGuid().ToString("N")[..8];
        using (var owner = new NpgsqlConnection(_database.Owner))
        {
            owner.Execute($"CREATE ROLE {role} LOGIN NOINHERIT; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; " + string.Format(System.Globalization.CultureInfo.InvariantCulture, grant, role));
        }

        var error = Assert.Throws<ReportEngineException>(() => ReportsDatabase.OpenForReports(_database.Owner, _database.ReaderAs(role)).Dispose());

        Assert.Contains($"\"{role}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, role), error.Message, StringComparison.Ordinal);
        Assert.Contains("db reader-role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_reader_connection_reports_on_PostgreSQL_are_refused_with_the_command_that_makes_one()
    {
        var error = Assert.Throws<ReportEngineException>(() => ReportsDatabase.OpenForReports(_database.Owner).Dispose());

        Assert.Contains("ConnectionStrings:ReportsReader", error.Message, StringComparison.Ordinal);
        Assert.Contains("db reader-role --name reportengine_reader --password-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Db_reader_role_makes_the_role_without_printing_its_password_and_the_annual_report_renders_through_it()
    {
        Assert.True(_database.Made.ExitCode == 0, _database.Made.Error + _database.Made.Output);
        Assert.Contains("reportengine_reader", _database.Made.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Database.Password, _database.Made.Output + _database.Made.Error, StringComparison.Ordinal);

        using var output = new TempFolder();
        var runner = new ReportRunner(RepositoryPaths.Templates, new FakeTimeProvider(), TimeSpan.FromSeconds(60));
        var request = new ReportRequest("annual-assessment", new Dictionary<string, string> { ["year"] = "2024", ["locality"] = "binh-thuan" }, "vi");
        using var connection = ReportsDatabase.OpenForReports(_database.Owner, _database.Reader);

        Assert.Equal("reportengine_reader", connection.ExecuteScalar<string>("SELECT current_user"));
        Assert.Contains("1.392 hội quần chúng", PdfText.Poppler(runner.Render(request, connection, output.Path).Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_reader_role_refuses_an_existing_role_that_can_write_and_changes_nothing()
    {
        using (var owner = new NpgsqlConnection(_database.Owner))
        {
            owner.Execute("CREATE ROLE inserting_clerk LOGIN; GRANT INSERT ON members TO inserting_clerk");
        }

        using var folder = new TempFolder();
        File.WriteAllText(folder.File("password"), "another password");
        var made = await CliRun.Invoke("db", "reader-role", "--name", "inserting_clerk", "--password-file", folder.File("password"), "--db", _database.Owner);

        Assert.Equal(1, made.ExitCode);
        Assert.Equal("error: The role \"inserting_clerk\" can change the data (has INSERT on members), so reports must not read through it; " +
            "nothing was changed. Revoke that, or choose another --name.", made.Error.Trim());
        Assert.Null(_database.StoredPassword("inserting_clerk"));
        using var check = new NpgsqlConnection(_database.Owner);
        Assert.False(check.ExecuteScalar<bool>("SELECT has_table_privilege('inserting_clerk', 'localities', 'SELECT')"));
    }

    [Fact]
    public void The_reader_connection_is_the_setting_ConnectionStrings_ReportsReader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reports"] = _database.Owner,
            ["ConnectionStrings:ReportsReader"] = _database.Reader,
        }).Build();

        var settings = ReportEngineSettings.Load(configuration, RepositoryPaths.Root, databaseOverride: null);

        Assert.Equal(_database.Reader, settings.ReaderConnectionString);
        using var connection = ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString);
        Assert.Equal("reportengine_reader", connection.ExecuteScalar<string>("SELECT current_user"));
    }

    [Fact]
    public void The_reader_logs_in_with_its_password_checked_by_SCRAM_and_never_with_another()
    {
        Assert.StartsWith("SCRAM-SHA-256$4096:", _database.StoredPassword("reportengine_reader"), StringComparison.Ordinal);
        using (var reader = new NpgsqlConnection(_database.Reader))
        {
            reader.Open();
            Assert.Equal("reportengine_reader", reader.ExecuteScalar<string>("SELECT current_user"));
        }

        var wrong = new NpgsqlConnectionStringBuilder(_database.Reader) { Password = "not-the-password" }.ToString();
        using var intruder = new NpgsqlConnection(wrong);
        Assert.Equal("28P01", Assert.Throws<PostgresException>(intruder.Open).SqlState); // invalid_password
    }

    [Theory]
    [InlineData("console_users")]
    [InlineData("console_api_keys")]
    public void The_reader_cannot_read_the_consoles_credentials_while_it_reads_the_other_tables(string table)
    {
        using var connection = ReportsDatabase.OpenForReports(_database.Owner, _database.Reader);
        Assert.Equal("reportengine_reader", connection.ExecuteScalar<string>("SELECT current_user"));
        var refused = Assert.Throws<PostgresException>(() => connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM committees") > 0);
        Assert.Contains("not console_users or console_api_keys", _database.Made.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_added_after_the_role_was_made_is_readable_by_it()
    {
        using (var owner = new NpgsqlConnection(_database.Owner))
        {
            owner.Execute("CREATE TABLE IF NOT EXISTS added_later (x int); INSERT INTO added_later VALUES (7)");
        }

        using var connection = ReportsDatabase.OpenForReports(_database.Owner, _database.Reader);
        Assert.Equal("reportengine_reader", connection.ExecuteScalar<string>("SELECT current_user"));
        Assert.Equal(7, connection.ExecuteScalar<int>("SELECT MAX(x) FROM added_later"));
    }

    private static void CopyTemplate(string name, string root)
    {
        var source = Path.Combine(RepositoryPaths.Templates, name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>The demo data copied into a throwaway cluster, and the reader role made by `db reader-role`.</summary>
    public sealed class Database : IDisposable
    {
        public const string Password = "correct horse battery staple 7";
        private readonly TempFolder _folder = new();
        private readonly PostgresCluster _cluster = new();

        public Database()
        {
            var sqlite = _folder.File("demo.db");
            DemoDataset.Create(sqlite);
            _cluster.CreateDatabase("reports");
            Owner = _cluster.ConnectionString("reports");
            SqliteToPostgres.Copy(sqlite, Owner);

            var passwordFile = _folder.File("reader-password");
            File.WriteAllText(passwordFile, Password + "\n");
            Made = CliRun.Invoke("db", "reader-role", "--name", "reportengine_reader", "--password-file", passwordFile, "--db", Owner).GetAwaiter().GetResult();
            _cluster.RequirePassword("reportengine_reader");
            Poll.Until(() => !LogsInWithoutPassword("reportengine_reader"), TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            Reader = new NpgsqlConnectionStringBuilder(ReaderAs("reportengine_reader")) { Password = Password }.ToString();
        }

        public string Owner { get; }

        public string Reader { get; }

        public CliRun Made { get; }

        public string ReaderAs(string role) => new NpgsqlConnectionStringBuilder(Owner) { Username = role }.ToString();

        private bool LogsInWithoutPassword(string role)
        {
            try
            {
                using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ReaderAs(role)) { Pooling = false }.ToString());
                connection.Open();
                return true;
            }
            catch (NpgsqlException)
            {
                return false;
            }
        }

        /// <summary>How many members, and a checksum of what an UPDATE could change.</summary>
        public string MembersFingerprint()
        {
            using var owner = new NpgsqlConnection(Owner);
            return owner.ExecuteScalar<string>("SELECT COUNT(*) || ':' || md5(string_agg(id || joined_on || COALESCE(left_on, ''), ',' ORDER BY id)) FROM members")!;
        }

        public string? StoredPassword(string role)
        {
            using var owner = new NpgsqlConnection(Owner);
            return owner.ExecuteScalar<string?>("SELECT rolpassword FROM pg_authid WHERE rolname = @role", new { role });
        }

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            _cluster.Dispose();
            _folder.Dispose();
        }
    }
}
