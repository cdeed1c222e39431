using ReportEngine.Tests.SecondProvince.Model;
using static ReportEngine.Tests.SecondProvince.ProvinceReportAssert;

namespace ReportEngine.Tests.SecondProvince;

/// <summary>Quảng Trị imported from semicolon CSV files with dd/MM/yyyy dates: the 2024 report, section by section.</summary>
public class CsvImportedReportTests(CsvProvince province) : IClassFixture<CsvProvince>
{
    private const string Province = QuangTriLocalities.Province;

    [Fact]
    public Task The_overview_counts_organisations_and_members_active_on_31_August() => Matches(province, Province, 2024, c => c.Overview());

    [Fact]
    public Task The_scope_and_kind_table_carries_this_year_and_the_change_on_the_previous_year() => Matches(province, Province, 2024, c => c.ScopeAndKind());

    [Fact]
    public Task The_by_unit_table_counts_each_district_and_accounts_for_what_it_leaves_out() => Matches(province, Province, 2024, c => c.ByUnit());

    [Fact]
    public Task Membership_rates_are_rounded_once_and_a_rate_on_its_target_line_is_achieved() => Matches(province, Province, 2024, c => c.MembershipTargets());

    [Fact]
    public Task Work_targets_are_measured_over_the_assessment_year() => Matches(province, Province, 2024, c => c.WorkTargets());

    [Fact]
    public Task Activities_of_the_previous_year_are_those_of_the_previous_assessment_year_only() => Matches(province, Province, 2024, c => c.Activities());

    [Fact]
    public Task The_list_to_be_corrected_names_idle_organisations_and_declines_above_the_threshold() => Matches(province, Province, 2024, c => c.ToCorrect());

    [Fact]
    public Task The_appendix_lists_every_active_organisation_once() => Matches(province, Province, 2024, c => c.Appendix());

    [Fact]
    public async Task The_report_cites_the_provinces_own_resolution_not_the_demos()
    {
        var text = (await province.Report(Province, 2024)).Text;
        Assert.True(text.Contains(QuangTriTargets.ResolutionNumber, StringComparison.Ordinal), $"the report does not cite {QuangTriTargets.ResolutionNumber}");
        Assert.False(text.Contains("04-NQ/TU", StringComparison.Ordinal), "the report cites Bình Thuận's resolution 04-NQ/TU, which Quảng Trị never had");
        Assert.False(text.Contains("07-NQ/TU", StringComparison.Ordinal), "the report cites the 2016–2020 resolution for 2024");
    }

    [Fact]
    public Task Every_figure_of_2023_is_right_where_founding_dissolution_and_leaving_fall_on_its_as_of_date() => Matches(province, Province, 2023, Everything);

    [Fact]
    public Task Every_figure_of_a_district_report_counts_the_merged_commune_under_its_successor() => Matches(province, QuangTriLocalities.CamLo, 2024, Everything);

    [Fact]
    public Task A_district_report_of_2022_still_lists_the_commune_before_its_merger() => Matches(province, QuangTriLocalities.CamLo, 2022, c => c.Overview().ByUnit().Activities());
}
