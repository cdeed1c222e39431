using System.Diagnostics;
using System.Globalization;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Nation;

/// <summary>`demo --scale nation` on a real PostgreSQL cluster, at a fiftieth of the organisations and members.</summary>
public sealed class NationDemoTests(NationDatabase nation) : IClassFixture<NationDatabase>
{
    private static readonly string[] Tables =
        ["localities", "organizations", "members", "member_counts", "activities", "targets", "eligible_populations", "committees", "committee_recipients", "imports"];

    [Fact]
    public void Each_printed_total_is_the_count_of_its_table_and_the_units_are_the_nations()
    {
        using var connection = PostgresDatabase.Open(nation.ConnectionString);
        var printed = nation.Printed.Where(l => l.Contains(": ", StringComparison.Ordinal))
            .ToDictionary(l => l.Split(": ")[0], l => long.Parse(l.Split(": ")[1], CultureInfo.InvariantCulture));
        Assert.Equal(Tables, printed.Keys);
        foreach (var table in Tables)
        {
            Assert.Equal(connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}"), printed[table]);
        }

        Assert.Matches(@"^seconds=\d+\.\d$", nation.Printed[^1]);
        Assert.Equal(34, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM localities WHERE level = 'province'"));
        Assert.Equal(3321, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM localities WHERE level = 'commune'"));
        // Every unit has a committee with a recipient, so a burst over all of them is 3,355 reports.
        Assert.Equal(3355, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM committees c WHERE EXISTS (SELECT 1 FROM committee_recipients r WHERE r.committee_id = c.id)"));
        Assert.Equal(0, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM committee_recipients WHERE address NOT LIKE '%@example.org'"));
        // Every commune has an organisation of its own.
        Assert.Equal(0, connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM localities l WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.locality_id = l.id)"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var (again, _) = nation.Generate(NationDatabase.Seed);
        var (other, _) = nation.Generate("8");
        foreach (var table in Tables.Where(t => t != "imports"))
        {
            Assert.Equal(Fingerprint(nation.ConnectionString, table), Fingerprint(again, table));
        }

        Assert.NotEqual(Fingerprint(nation.ConnectionString, "members"), Fingerprint(other, "members"));
        Assert.NotEqual(Fingerprint(nation.ConnectionString, "localities"), Fingerprint(other, "localities"));
    }

    [Theory]
    [InlineData("province")]
    [InlineData("commune")]
    public async Task The_annual_assessment_renders_a_unit_with_the_figures_of_its_rows(string level)
    {
        string code;
        long organizations, members;
        using (var connection = PostgresDatabase.Open(nation.ConnectionString))
        {
            // The unit with the most organisations of its level, so the figures are not trivially small.
            code = connection.ExecuteScalar<string>(
                """
                SELECT l.code FROM localities l JOIN organizations o ON o.locality_id = l.id
                WHERE l.level = @level GROUP BY l.id, l.code ORDER BY COUNT(*) DESC, l.id LIMIT 1
                """, new { level })!;
            (organizations, members) = Expected(connection, code);
        }

        // The real command line in its own process, as an admin runs it: recorded in and read from PostgreSQL,
        // through the reader role, archived under the test's folder.
        using var output = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__ReportsReader"] = nation.Reader,
            ["Templates__Path"] = RepositoryPaths.Templates,
        };
        var watch = Stopwatch.StartNew();
        var run = await CliProcess.Run(output.Path, environment, null,
            "run", "annual-assessment", "--set", "year=2026", "--set", $"locality={code}", "--db", nation.ConnectionString, "--archive", output.File("archive"));
        Assert.True(run.ExitCode == 0, run.Error);
        var text = PdfText.Poppler(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
        Assert.True(organizations > 0 && members > 0);
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        Assert.Contains(organizations.ToString("N0", vietnamese) + " hội quần chúng", text, StringComparison.Ordinal);
        Assert.Contains(members.ToString("N0", vietnamese), text, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the report took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_SQLite_database_or_one_holding_data_is_refused_with_what_to_give_instead()
    {
        using var folder = new TempFolder();
        var sqlite = await CliRun.Invoke("demo", "--scale", "nation", "--db", folder.File("nation.db"), "--scale-factor", NationDatabase.ScaleFactor);
        Assert.NotEqual(0, sqlite.ExitCode);
        Assert.Contains("--db", sqlite.Error, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", sqlite.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("nation.db")));

        var full = await CliRun.Invoke("demo", "--scale", "nation", "--db", nation.ConnectionString, "--scale-factor", NationDatabase.ScaleFactor);
        Assert.NotEqual(0, full.ExitCode);
        Assert.Contains("fills only an empty database", full.Error, StringComparison.Ordinal);
        using var connection = PostgresDatabase.Open(nation.ConnectionString);
        Assert.Equal(3355, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM localities"));
    }

    /// <summary>
    /// Organisations registered in the unit or its communes active on 31 August 2026, and their members
    /// then: member rows active on the day, or for an office keeping only totals its latest count.
    /// </summary>
    private static (long Organizations, long Members) Expected(System.Data.Common.DbConnection connection, string code)
    {
        const string day = "2026-08-31";
        var active = connection.Query<long>(
            """
            SELECT o.id FROM organizations o JOIN localities l ON l.id = o.locality_id
            LEFT JOIN localities p ON p.id = l.parent_id
            WHERE (l.code = @code OR p.code = @code) AND o.founded_on <= @day AND (o.dissolved_on IS NULL OR o.dissolved_on > @day)
            """, new { code, day }).ToHashSet();
        var rows = connection.Query<(long Organization, string Joined, string? Left)>(
            "SELECT organization_id, joined_on, left_on FROM members WHERE organization_id = ANY(@ids)", new { ids = active.ToArray() });
        var members = rows.LongCount(r => string.CompareOrdinal(r.Joined, day) <= 0 && (r.Left is null || string.CompareOrdinal(r.Left, day) > 0));
        var withRows = rows.Select(r => r.Organization).ToHashSet();
        var counts = connection.Query<(long Organization, string CountedOn, long Members)>(
            "SELECT organization_id, counted_on, members FROM member_counts WHERE organization_id = ANY(@ids)", new { ids = active.ToArray() });
        members += counts.Where(c => !withRows.Contains(c.Organization) && string.CompareOrdinal(c.CountedOn, day) <= 0)
            .GroupBy(c => c.Organization).Sum(g => g.MaxBy(c => c.CountedOn).Members);
        return (active.Count, members);
    }

    /// <summary>A digest of every row of a table, in a fixed order.</summary>
    private static string Fingerprint(string connectionString, string table)
    {
        using var connection = PostgresDatabase.Open(connectionString);
        return connection.ExecuteScalar<string>($"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t")!;
    }
}
