using ReportEngine.Tests.SecondProvince.Expected;
using ReportEngine.Tests.SecondProvince.Reading;

namespace ReportEngine.Tests.SecondProvince;

/// <summary>Renders a report of an imported province and compares the chosen sections with the calculator's figures.</summary>
public static class ProvinceReportAssert
{
    public static async Task Matches(ImportedProvince province, string locality, int year, Func<AnnualReportChecks, AnnualReportChecks> sections)
    {
        var report = await province.Report(locality, year);
        var expected = new ExpectedReportCalculator(province.Rows).Calculate(locality, year);
        var failures = sections(new AnnualReportChecks(report, expected, province.Rows)).Failures;
        Assert.True(failures.Count == 0, $"annual assessment {locality} {year} differs from the figures computed from the rows:{Environment.NewLine}{AnnualReportChecks.Describe(failures)}");
    }

    public static AnnualReportChecks Everything(AnnualReportChecks checks) =>
        checks.Overview().ScopeAndKind().ByUnit().MembershipTargets().WorkTargets().Activities().ToCorrect().Appendix();
}
