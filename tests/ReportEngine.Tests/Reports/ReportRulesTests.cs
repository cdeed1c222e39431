using System.Text.RegularExpressions;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Reports;

/// <summary>
/// The rules of issue 10 on copies of the demo database: localities through time, the data's date,
/// the previous year's window, judgements on the printed value, the resolution from the data.
/// </summary>
[Collection(DemoGroup.Name)]
public partial class ReportRulesTests(DemoFixture demo) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_report_for_a_province_merged_away_is_refused_naming_its_successor()
    {
        var run = await Run("annual-assessment", "en", "--set", "year=2025", "--set", "locality=binh-thuan", "--allow-partial");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: binh-thuan was merged into lam-dong on 2025-07-01", run.Error, StringComparison.Ordinal);

        var district = await Run("annual-assessment", "en", "--set", "year=2025", "--set", "locality=phan-thiet", "--allow-partial");
        Assert.Contains("error: phan-thiet was abolished on 2025-07-01; its area now belongs to lam-dong", district.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_dated_after_the_data_is_refused_and_with_allow_partial_says_so_on_its_cover()
    {
        var refused = await Run("annual-assessment", "en", "--set", "year=2025", "--set", "locality=lam-dong");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error: the data runs to 2024-08-31 (last import); the report asks for figures as of 2025-08-31. Import newer data, or add --allow-partial", refused.Error, StringComparison.Ordinal);

        var partial = await Run("annual-assessment", "en", "--set", "year=2025", "--set", "locality=lam-dong", "--allow-partial");
        Assert.True(partial.ExitCode == 0, partial.Error);
        var cover = PdfText.Pages(partial.OutputLines[0])[0];
        Assert.Contains("Partial figures: the data runs to 31 August 2024", cover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_imports_is_refused_saying_nothing_was_imported()
    {
        Execute("DELETE FROM imports");
        var run = await Run("committee-report", "en", "--set", "year=2024", "--set", "locality=la-gi");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: no data has been imported yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lam_dong_2025_lists_the_units_valid_then_and_its_totals_agree_with_counts_made_from_the_rows()
    {
        var run = await Run("annual-assessment", "en", "--set", "year=2025", "--set", "locality=lam-dong", "--allow-partial");
        Assert.True(run.ExitCode == 0, run.Error);
        var text = string.Join(" ", PdfText.Pages(run.OutputLines[0]));

        // Counted here from the raw rows, by the rules written out in C# (every row of the demo lies in Lâm Đồng's area in 2025).
        using var connection = SqliteDatabase.Open(Database, readOnly: true);
        var organizations = connection.Query<(long Id, string FoundedOn, string? DissolvedOn)>("SELECT id, founded_on, dissolved_on FROM organizations")
            .Where(o => Active(o.FoundedOn, o.DissolvedOn, "2025-08-31")).Select(o => o.Id).ToHashSet();
        var members = connection.Query<(long Organization, string JoinedOn, string? LeftOn)>("SELECT organization_id, joined_on, left_on FROM members")
            .Count(m => organizations.Contains(m.Organization) && Active(m.JoinedOn, m.LeftOn, "2025-08-31"));
        Assert.Contains($"By 31 August 2025, the province had {organizations.Count:N0} mass organisations with {members:N0} members", text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        // The units valid on 2025-08-31 directly under lam-dong: the communes (no district survives the reform).
        var units = connection.Query<string>(
            "SELECT name FROM localities WHERE level = 'commune' AND valid_from <= '2025-08-31' AND (valid_to IS NULL OR valid_to > '2025-08-31')").ToList();
        Assert.True(units.Count > 100);
        // The contents follow the signed body, as in a Party document.
        var pages = PdfText.Pages(run.OutputLines[0]).ToList();
        var contents = string.Join(" ", pages.Skip(pages.FindIndex(p => p.Contains("Contents", StringComparison.Ordinal))).Take(4));
        var section = contents[contents.IndexOf("V. Situation in each locality", StringComparison.Ordinal)..contents.IndexOf("Appendix", StringComparison.Ordinal)];
        Assert.All(units, unit => Assert.Contains(unit, section, StringComparison.Ordinal));
        Assert.DoesNotContain("Tánh Linh", section, StringComparison.Ordinal); // a district until 2025-07-01, not a commune's name

        // The by-unit table's total plus what its caption says it leaves out is the overview.
        var total = TotalsRow().Match(text[text.IndexOf("2. By administrative unit", StringComparison.Ordinal)..]); // the body's, before the contents
        Assert.True(total.Success, "the by-unit table has a totals row");
        var leftOut = LeftOut().Match(text.Replace("\n", " ", StringComparison.Ordinal));
        Assert.True(leftOut.Success, "the caption says what the table leaves out");
        Assert.Equal(organizations.Count, Number(total.Groups["organizations"].Value) + Number(leftOut.Groups["organizations"].Value));
        Assert.Equal(members, Number(total.Groups["members"].Value) + Number(leftOut.Groups["members"].Value));
    }

    [Fact]
    public async Task The_previous_year_column_counts_only_the_previous_assessment_year()
    {
        // Three years back: outside both windows of the 2024 report, counted by the old all-history rule.
        Execute("INSERT INTO activities (organization_id, locality_id, held_on, kind, title) " +
                "SELECT id, locality_id, '2021-10-01', 'seminar', 'old seminar' FROM organizations WHERE code = 'binh-thuan-hoi-luat-gia'");
        var run = await Run("annual-assessment", "en", "--set", "year=2024", "--set", "locality=binh-thuan");
        Assert.True(run.ExitCode == 0, run.Error);

        using var connection = SqliteDatabase.Open(Database, readOnly: true);
        var thisYear = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM activities WHERE kind = 'seminar' AND held_on > '2023-08-31' AND held_on <= '2024-08-31'");
        var previousYear = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM activities WHERE kind = 'seminar' AND held_on > '2022-08-31' AND held_on <= '2023-08-31'");
        var text = string.Join(" ", PdfText.Pages(run.OutputLines[0]));
        Assert.Matches($@"Specialised scientific seminars\s+{thisYear:N0}\s+{previousYear:N0}\s", text);
    }

    [Fact]
    public async Task A_rate_exactly_on_the_target_line_is_achieved_with_the_printed_value()
    {
        // Youth: 725 of 1,000 eligible is 72.5%, the target itself.
        Execute("UPDATE eligible_populations SET eligible_count = 1000, member_count = 725 WHERE group_code = 'youth' AND year = 2024 " +
                "AND locality_id = (SELECT id FROM localities WHERE code = 'binh-thuan')");
        var run = await Run("annual-assessment", "en", "--set", "year=2024", "--set", "locality=binh-thuan");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"Youth Union\s+725\s+1,000\s+72\.5%\s+72\.5%\s+Achieved", string.Join(" ", PdfText.Pages(run.OutputLines[0])));
    }

    [Fact]
    public async Task The_resolution_is_cited_from_the_targets_table()
    {
        Execute("UPDATE targets SET resolution = 'Nghị quyết về công tác hội', resolution_number = '12-NQ/TU', resolution_date = '2022-03-15', period_from = 2022, period_to = 2026");
        var run = await Run("annual-assessment", "en", "--set", "year=2024", "--set", "locality=binh-thuan");
        Assert.True(run.ExitCode == 0, run.Error);
        var text = PdfText.Poppler(run.OutputLines[0]).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("Resolution No. 12-NQ/TU of 15 March 2022 (Nghị quyết về công tác hội), period 2022–2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("04-NQ/TU", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locality_without_targets_gets_one_sentence_instead_of_the_tables()
    {
        var run = await Run("annual-assessment", "en", "--set", "year=2024", "--set", "locality=phan-thiet-mui-ne");
        Assert.True(run.ExitCode == 0, run.Error);
        var text = PdfText.Poppler(run.OutputLines[0]);
        Assert.Contains("No targets were set for", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1. Membership rates", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_strings_file_names_a_province_a_party_body_or_a_period()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Templates, "strings.*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var word in new[] { "Bình Thuận", "Binh Thuan", "Tỉnh ủy", "Provincial Party", "2021", "2025", "04-NQ" })
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{file} says \"{word}\"");
            }
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Database => Path.Combine(_folder.Path, "reports.db");

    private void Execute(string sql)
    {
        Copy();
        using var connection = SqliteDatabase.Open(Database);
        connection.Execute(sql);
    }

    private void Copy()
    {
        if (!File.Exists(Database))
        {
            using var source = SqliteDatabase.Open(demo.Database, readOnly: true);
            source.Execute("VACUUM INTO @copy", new { copy = Database });
        }
    }

    private Task<CliRun> Run(string template, string language, params string[] arguments)
    {
        Copy();
        return CliRun.Invoke(["run", template, "--lang", language, .. arguments, "--db", Database, "--archive", Path.Combine(_folder.Path, "archive")]);
    }

    private static bool Active(string from, string? to, string day) =>
        string.CompareOrdinal(from, day) <= 0 && (to is null || string.CompareOrdinal(to, day) > 0);

    private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Total\s+[\d,]+\s+[\d,]+\s+(?<organizations>[\d,]+)\s+(?<members>[\d,]+)\s")]
    private static partial Regex TotalsRow();

    [GeneratedRegex(@"The table leaves out (?<organizations>[\d,]+) organisations with (?<members>[\d,]+) members")]
    private static partial Regex LeftOut();
}
