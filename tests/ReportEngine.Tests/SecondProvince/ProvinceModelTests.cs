using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.VisualBasic.FileIO;
using ReportEngine.Tests.SecondProvince.Expected;
using ReportEngine.Tests.SecondProvince.Export;
using ReportEngine.Tests.SecondProvince.Model;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.SecondProvince;

/// <summary>The second province holds the cases the reports must get right, and the writers write what the import format says.</summary>
public class ProvinceModelTests
{
    private static readonly ProvinceRows Rows = QuangTriProvince.Rows;

    [Fact]
    public void The_province_is_the_same_on_every_run()
    {
        var again = typeof(QuangTriProvince).GetMethod("Build", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, null) as ProvinceRows;
        Assert.Equal(Rows.Members, again!.Members);
        Assert.Equal(Rows.Activities, again.Activities);
    }

    [Fact]
    public void It_is_another_province_with_a_few_thousand_members_and_four_years_of_activities()
    {
        Assert.DoesNotContain(Rows.Localities, l => l.Name.Contains("Bình Thuận", StringComparison.Ordinal) || l.Code.StartsWith("binh", StringComparison.Ordinal));
        Assert.InRange(Rows.Localities.Count(l => l.Level == "commune"), 15, 25);
        Assert.InRange(Rows.Members.Count, 2000, 9000);
        Assert.All(Enumerable.Range(2021, 4), year => Assert.Contains(Rows.Activities, a => a.HeldOn > new DateOnly(year - 1, 8, 31) && a.HeldOn <= new DateOnly(year, 8, 31)));
        Assert.All(Rows.Localities.Concat<object>(Rows.Organizations).Concat(Rows.Members), row => Assert.Equal(row.ToString()!.Normalize(NormalizationForm.FormC), row.ToString()));
    }

    [Fact]
    public void Founding_dissolution_and_leaving_fall_exactly_on_the_as_of_dates_and_the_day_after()
    {
        foreach (var day in new DateOnly[] { new(2023, 8, 31), new(2024, 8, 31) })
        {
            Assert.Contains(Rows.Organizations, o => o.FoundedOn == day);
            Assert.Contains(Rows.Organizations, o => o.DissolvedOn == day);
            Assert.Contains(Rows.Members, m => m.JoinedOn == day);
            Assert.Contains(Rows.Members, m => m.LeftOn == day);
            Assert.Contains(Rows.Activities, a => a.HeldOn == day);
        }

        Assert.Contains(Rows.Organizations, o => o.FoundedOn == new DateOnly(2023, 9, 1));
        Assert.Contains(Rows.Organizations, o => o.DissolvedOn == new DateOnly(2023, 9, 1));
    }

    [Fact]
    public void The_merged_commune_still_has_organisations_registered_at_it()
    {
        var merged = Rows.Localities.Single(l => l.MergedInto is not null);
        Assert.Equal(QuangTriLocalities.MergedOn, merged.ValidTo);
        Assert.Contains(Rows.Organizations, o => o.Locality == merged.Code && o.IsActiveOn(new DateOnly(2024, 8, 31)));
    }

    [Fact]
    public void No_membership_decline_sits_where_rounding_would_decide_the_threshold()
    {
        var calculator = new ExpectedReportCalculator(Rows);
        foreach (var year in new[] { 2023, 2024 })
        {
            var (now, before) = (new DateOnly(year, 8, 31), new DateOnly(year - 1, 8, 31));
            foreach (var organization in Rows.Organizations.Where(o => o.IsActiveOn(now)))
            {
                var (was, @is) = (calculator.MembersOn(organization, before), calculator.MembersOn(organization, now));
                var decline = was == 0 ? 0 : 100m * (was - @is) / was;
                Assert.False(decline > 19.95m && decline < 20.05m && decline != 20m, $"{organization.Name} declines {decline:0.###}% in {year}");
            }
        }
    }

    [Fact]
    public void Organisation_names_are_unique_and_none_begins_another()
    {
        var names = Rows.Organizations.Select(o => o.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(names, a => names.Any(b => a != b && b.StartsWith(a + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_2024_report_has_figures_on_both_sides_of_every_judgement()
    {
        var expected = new ExpectedReportCalculator(Rows).Calculate(QuangTriLocalities.Province, 2024);
        Assert.Contains(expected.MembershipTargets, r => r.Achieved && r.Rate == r.Target);
        Assert.Contains(expected.MembershipTargets, r => !r.Achieved);
        Assert.Contains(expected.WorkTargets, r => r.Achieved);
        Assert.Contains(expected.WorkTargets, r => !r.Achieved);
        Assert.Contains(expected.ToCorrect, r => r.Reason == "no_activity");
        Assert.Contains(expected.ToCorrect, r => r.Reason == "membership_decline");
        Assert.DoesNotContain(expected.ToCorrect, r => r.Name == QuangTriOrganizations.DeclineOnThreshold);
    }

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    public void Csv_files_read_back_field_for_field_with_an_independent_parser(char delimiter)
    {
        using var folder = new TempFolder();
        var tables = ImportTables.From(Rows);
        CsvFolderWriter.Write(tables, folder.Path, delimiter == ';' ? CsvDialect.VietnameseExcel : CsvDialect.Plain);
        foreach (var table in tables)
        {
            using var parser = new TextFieldParser(folder.File(table.Name + ".csv"), Encoding.UTF8) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
            parser.SetDelimiters(delimiter.ToString());
            var read = new List<string[]>();
            while (!parser.EndOfData)
            {
                read.Add(parser.ReadFields()!);
            }

            Assert.Equal(table.Rows.Count + 1, read.Count);
            Assert.All(read, fields => Assert.Equal(table.Columns.Count, fields.Length));
        }

        var organizations = File.ReadAllText(folder.File("organizations.csv"));
        Assert.Contains(QuangTriOrganizations.WithComma, organizations, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml_with_a_sheet_per_table()
    {
        using var folder = new TempFolder();
        var file = folder.File("quang-tri.xlsx");
        XlsxWorkbookWriter.Write(ImportTables.From(Rows), file);
        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal(["localities", "organizations", "members", "activities", "targets", "eligible_populations", "committees"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!));
    }
}
