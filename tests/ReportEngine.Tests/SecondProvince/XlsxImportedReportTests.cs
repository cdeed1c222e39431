using ReportEngine.Tests.SecondProvince.Model;
using static ReportEngine.Tests.SecondProvince.ProvinceReportAssert;

namespace ReportEngine.Tests.SecondProvince;

/// <summary>Quảng Trị imported from one workbook with date and number cells.</summary>
public class XlsxImportedReportTests(XlsxProvince province) : IClassFixture<XlsxProvince>
{
    [Fact]
    public Task Every_figure_of_the_province_report_matches_the_rows() => Matches(province, QuangTriLocalities.Province, 2024, Everything);

    [Fact]
    public Task Every_figure_of_a_district_report_matches_the_rows() => Matches(province, QuangTriLocalities.CamLo, 2024, Everything);
}
