using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Tests.Support;
using static ReportEngine.Tests.Data.Demo.DemoDatabaseFixture;

namespace ReportEngine.Tests.Data.Demo;

[Collection(DemoDatabaseGroup.Name)]
public sealed class DemoDatasetTests(DemoDatabaseFixture demo)
{
    private static readonly string[] Tables =
        ["schema_version", "localities", "organizations", "members", "activities", "targets", "eligible_populations", "committees", "committee_recipients"];

    [Fact]
    public void The_summary_counts_what_was_written()
    {
        Assert.Equal(demo.Scalar("SELECT COUNT(*) FROM organizations"), demo.Summary.Organizations);
        Assert.Equal(demo.Scalar("SELECT COUNT(*) FROM members"), demo.Summary.Members);
        Assert.Equal(demo.Scalar("SELECT COUNT(*) FROM activities"), demo.Summary.Activities);
        Assert.Equal(demo.Scalar("SELECT COUNT(*) FROM committees"), demo.Summary.Committees);
    }

    [Fact]
    public void Two_generations_are_identical()
    {
        using var folder = new TempFolder();
        var second = folder.File("again.db");

        DemoDataset.Create(second, timeProvider: new FakeTimeProvider());

        Assert.Equal(Fingerprint(demo.Path), Fingerprint(second));
    }

    [Fact]
    public void The_clock_stamps_only_the_migration()
    {
        using var folder = new TempFolder();
        var path = folder.File("stamped.db");

        DemoDataset.Create(path, timeProvider: new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        using var connection = SqliteDatabase.Open(path, readOnly: true);
        Assert.Equal("2030-01-02T03:04:05Z", connection.ExecuteScalar<string>("SELECT applied_at FROM schema_version WHERE version = 1"));
    }

    [Fact]
    public void An_existing_file_is_not_overwritten_unless_asked()
    {
        using var folder = new TempFolder();
        var path = folder.File("precious.db");
        File.WriteAllText(path, "keep me");

        var error = Assert.Throws<ReportEngineException>(() => DemoDataset.Create(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void An_existing_file_is_replaced_when_overwriting_is_asked_for()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.db");
        File.WriteAllText(path, "old content");

        var summary = DemoDataset.Create(path, overwrite: true);

        Assert.Equal(demo.Summary.Members, summary.Members);
    }

    [Fact]
    public void The_2023_figures_differ_from_2024()
    {
        var organizations2023 = demo.Scalar($"SELECT COUNT(*) FROM organizations WHERE {ActiveOrganizations}", new { asOf = AsOf2023 });
        var members2023 = demo.Scalar($"SELECT COUNT(*) FROM members WHERE {ActiveMembers}", new { asOf = AsOf2023 });

        Assert.NotEqual(1_392, organizations2023);
        Assert.NotEqual(440_532, members2023);
        Assert.InRange(members2023, 400_000, 480_000);
    }

    [Fact]
    public void Some_organizations_lost_more_than_a_fifth_of_their_members_in_the_year()
    {
        var declining = demo.Scalar("""
            WITH counts AS (
                SELECT organization_id,
                       SUM(joined_on <= '2023-08-31' AND (left_on IS NULL OR left_on > '2023-08-31')) AS y2023,
                       SUM(joined_on <= '2024-08-31' AND (left_on IS NULL OR left_on > '2024-08-31')) AS y2024
                FROM members GROUP BY organization_id)
            SELECT COUNT(*) FROM counts JOIN organizations o ON o.id = organization_id
            WHERE o.dissolved_on IS NULL AND y2023 > 0 AND y2024 < 0.8 * y2023
            """);

        Assert.InRange(declining, 3, 30);
    }

    [Fact]
    public void Some_organizations_did_nothing_in_the_2024_assessment_year()
    {
        var idle = demo.Scalar($"""
            SELECT COUNT(*) FROM organizations o
            WHERE {ActiveOrganizations}
              AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.organization_id = o.id AND a.held_on > '2023-08-31' AND a.held_on <= @asOf)
            """, new { asOf = AsOf2024 });

        Assert.InRange(idle, 3, 40);
    }

    [Theory]
    [InlineData("2022-09-01", "2023-08-31")]
    [InlineData("2023-09-01", "2024-08-31")]
    public void Charity_totals_hundreds_of_billions_of_dong_a_year(string from, string to)
    {
        var total = demo.Scalar("SELECT SUM(value_vnd) FROM activities WHERE kind = 'charity' AND held_on BETWEEN @from AND @to", new { from, to });

        Assert.InRange(total, 100_000_000_000, 999_000_000_000);
    }

    [Fact]
    public void Every_kind_of_activity_occurs_in_both_years_and_guiding_documents_belong_to_no_organization()
    {
        using var connection = demo.Open();

        var kinds = connection.Query<(string Kind, string Year)>(
            "SELECT DISTINCT kind, CASE WHEN held_on <= '2023-08-31' THEN '2023' ELSE '2024' END FROM activities").ToList();

        Assert.Equal(16, kinds.Count);
        Assert.Equal(0L, demo.Scalar("SELECT COUNT(*) FROM activities WHERE (kind = 'guiding_document') <> (organization_id IS NULL)"));
    }

    [Fact]
    public void Youth_membership_falls_short_of_its_target_while_veterans_beat_theirs()
    {
        const string Rate = """
            SELECT CAST(e.member_count AS REAL) * 100 / e.eligible_count >= t.target_value
            FROM eligible_populations e
            JOIN targets t ON t.locality_id = e.locality_id AND t.indicator = 'membership_rate:' || e.group_code
            JOIN localities l ON l.id = e.locality_id
            WHERE l.code = 'binh-thuan' AND e.year = 2024 AND e.group_code = @group
            """;

        Assert.Equal(0L, demo.Scalar(Rate, new { group = "youth" }));
        Assert.Equal(1L, demo.Scalar(Rate, new { group = "veterans" }));
        Assert.Equal(10L, demo.Scalar("SELECT COUNT(*) FROM targets t JOIN localities l ON l.id = t.locality_id WHERE l.code = 'binh-thuan' AND t.period_from = 2021 AND t.period_to = 2025"));
    }

    [Fact]
    public void Every_locality_of_2024_has_one_committee_and_only_example_org_addresses()
    {
        var localities2024 = demo.Scalar("SELECT COUNT(*) FROM localities WHERE valid_from <= @asOf AND (valid_to IS NULL OR valid_to > @asOf)", new { asOf = AsOf2024 });

        Assert.Equal(localities2024, demo.Scalar("SELECT COUNT(*) FROM committees"));
        Assert.Equal(0L, demo.Scalar("SELECT COUNT(*) FROM committees c WHERE NOT EXISTS (SELECT 1 FROM committee_recipients r WHERE r.committee_id = c.id AND r.role = 'to' AND r.address = c.code || '@example.org')"));
        Assert.Equal(0L, demo.Scalar("SELECT COUNT(*) FROM committee_recipients WHERE address NOT LIKE '%@example.org'"));
        Assert.Equal(3L, demo.Scalar("SELECT COUNT(DISTINCT language) FROM committees"));
        Assert.Equal(1L, demo.Scalar("SELECT COUNT(*) FROM committees WHERE code = 'binh-thuan' AND name = 'Ban Thường vụ Tỉnh ủy Bình Thuận'"));
    }

    [Fact]
    public void Binh_Thuan_merged_into_Lam_Dong_and_its_districts_ended_on_1_July_2025()
    {
        using var connection = demo.Open();

        var chain = connection.QuerySingle<(string ValidTo, string Successor, string SuccessorFrom)>("""
            SELECT b.valid_to, l.code, l.valid_from FROM localities b JOIN localities l ON l.id = b.merged_into_id WHERE b.code = 'binh-thuan'
            """);

        Assert.Equal(("2025-07-01", "lam-dong", "2025-07-01"), chain);
        Assert.Equal(0L, demo.Scalar("SELECT COUNT(*) FROM localities WHERE level = 'district' AND (valid_to IS NULL OR valid_to <> '2025-07-01')"));
        Assert.Equal(3L, demo.Scalar("SELECT COUNT(*) FROM localities c JOIN localities n ON n.id = c.merged_into_id WHERE n.code = 'lam-dong-phu-quy' AND n.unit_type = 'special-zone'"));
    }

    [Fact]
    public void Locality_and_organization_codes_are_ascii()
    {
        using var connection = demo.Open();

        var codes = connection.Query<string>("SELECT code FROM localities UNION ALL SELECT code FROM organizations UNION ALL SELECT code FROM committees");

        Assert.All(codes, code => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", code));
    }

    /// <summary>Per-table counts and a hash of a sample of the content.</summary>
    private static string Fingerprint(string path)
    {
        using var connection = SqliteDatabase.Open(path, readOnly: true);
        var builder = new StringBuilder();
        foreach (var table in Tables)
        {
            builder.Append(table).Append('=').Append(connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}")).Append('\n');
        }

        var sample = connection.Query<string>("""
            SELECT organization_id || '|' || gender || '|' || birth_year || '|' || joined_on || '|' || coalesce(left_on, '') FROM members WHERE id % 101 = 0
            UNION ALL SELECT code || '|' || name || '|' || founded_on || '|' || coalesce(dissolved_on, '') FROM organizations
            UNION ALL SELECT held_on || '|' || kind || '|' || coalesce(value_vnd, '') FROM activities WHERE id % 7 = 0
            """);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sample)));
        return builder.Append(Convert.ToHexString(hash)).ToString();
    }
}
