using ReportEngine.Tests.SecondProvince.Expected;
using ReportEngine.Tests.SecondProvince.Model;
using static ReportEngine.Tests.SecondProvince.ProvinceReportAssert;

namespace ReportEngine.Tests.SecondProvince;

/// <summary>Quảng Trị from an office that keeps only member totals by date: the same report figures as member rows.</summary>
public class CountsOnlyReportTests(CountsOnlyCsvProvince province) : IClassFixture<CountsOnlyCsvProvince>
{
    [Fact]
    public void Counts_by_date_give_the_calculator_the_same_figures_as_member_rows()
    {
        foreach (var (locality, year) in new[] { (QuangTriLocalities.Province, 2024), (QuangTriLocalities.Province, 2023), (QuangTriLocalities.CamLo, 2024) })
        {
            var fromRows = new ExpectedReportCalculator(QuangTriProvince.Rows).Calculate(locality, year);
            var fromCounts = new ExpectedReportCalculator(province.Rows).Calculate(locality, year);
            Assert.Equal(ExpectedJson.Of(fromRows), ExpectedJson.Of(fromCounts));
        }
    }

    [Fact]
    public Task Every_figure_of_the_2024_report_matches_the_member_rows() => Matches(province, QuangTriLocalities.Province, 2024, Everything);

    [Fact]
    public Task Every_figure_of_the_2023_report_matches_the_member_rows() => Matches(province, QuangTriLocalities.Province, 2023, Everything);
}
