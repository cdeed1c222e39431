using System.Text;
using Dapper;
using static ReportEngine.Tests.Data.Demo.DemoDatabaseFixture;

namespace ReportEngine.Tests.Data.Demo;

/// <summary>The demo reproduces what Bình Thuận's Provincial Party Standing Committee published for 31 August 2024.</summary>
[Collection(DemoDatabaseGroup.Name)]
public sealed class PublishedFiguresTests(DemoDatabaseFixture demo)
{
    [Fact]
    public void The_province_has_1392_mass_organizations_on_31_August_2024() =>
        Assert.Equal(1_392, demo.Scalar($"SELECT COUNT(*) FROM organizations WHERE {ActiveOrganizations}", new { asOf = AsOf2024 }));

    [Fact]
    public void The_organizations_have_440532_members_on_31_August_2024() =>
        Assert.Equal(440_532, demo.Scalar($"SELECT COUNT(*) FROM members WHERE {ActiveMembers}", new { asOf = AsOf2024 }));

    [Fact]
    public void Members_of_organizations_not_counted_in_2024_are_not_counted_either() =>
        Assert.Equal(440_532, demo.Scalar(
            """
            SELECT COUNT(*) FROM members m JOIN organizations o ON o.id = m.organization_id
            WHERE m.joined_on <= @asOf AND (m.left_on IS NULL OR m.left_on > @asOf)
              AND o.founded_on <= @asOf AND (o.dissolved_on IS NULL OR o.dissolved_on > @asOf)
            """,
            new { asOf = AsOf2024 }));

    [Theory]
    [InlineData("province", 65)]
    [InlineData("district", 124)]
    [InlineData("commune", 1_203)]
    public void Organizations_by_scope_match_the_report(string scope, int expected) =>
        Assert.Equal(expected, demo.Scalar($"SELECT COUNT(*) FROM organizations WHERE scope = @scope AND {ActiveOrganizations}", new { scope, asOf = AsOf2024 }));

    [Theory]
    [InlineData("assigned", 14)]
    [InlineData("voluntary", 51)]
    public void Province_wide_organizations_by_kind_match_the_report(string kind, int expected) =>
        Assert.Equal(expected, demo.Scalar(
            $"SELECT COUNT(*) FROM organizations WHERE scope = 'province' AND kind = @kind AND {ActiveOrganizations}", new { kind, asOf = AsOf2024 }));

    [Fact]
    public void Binh_Thuan_has_its_ten_district_level_units_with_their_names()
    {
        using var connection = demo.Open();

        var districts = connection.Query<(string Code, string Name, string UnitType)>(
            "SELECT d.code, d.name, d.unit_type FROM localities d JOIN localities p ON p.id = d.parent_id WHERE p.code = 'binh-thuan' AND d.level = 'district' ORDER BY d.id");

        Assert.Equal(
        [
            ("phan-thiet", "Phan Thiết", "city"), ("la-gi", "La Gi", "town"), ("tuy-phong", "Tuy Phong", "district"),
            ("bac-binh", "Bắc Bình", "district"), ("ham-thuan-bac", "Hàm Thuận Bắc", "district"), ("ham-thuan-nam", "Hàm Thuận Nam", "district"),
            ("tanh-linh", "Tánh Linh", "district"), ("duc-linh", "Đức Linh", "district"), ("ham-tan", "Hàm Tân", "district"),
            ("phu-quy", "Phú Quý", "district"),
        ], districts.Select(d => (d.Code, d.Name.Normalize(NormalizationForm.FormC), d.UnitType)));
        Assert.All(districts, d => Assert.True(d.Name.IsNormalized(NormalizationForm.FormC), d.Code));
    }

    [Theory]
    [InlineData("Provincial Union of Science and Technology Associations")]
    [InlineData("Lawyers Association")]
    [InlineData("Provincial Cooperatives Union")]
    [InlineData("Red Cross")]
    [InlineData("Association for the Promotion of Education")]
    [InlineData("Association for the Blind")]
    [InlineData("Association for Victims of Agent Orange/dioxin")]
    [InlineData("Association for the Support of the Disabled and Protection of Children's Rights")]
    [InlineData("Association of Oriental Medicine")]
    [InlineData("Association of the Elderly")]
    [InlineData("Association of Former Youth Volunteers")]
    [InlineData("Retirement Club")]
    [InlineData("Association of Enterprises")]
    [InlineData("Association of Young Entrepreneurs")]
    [InlineData("Tourism Association")]
    [InlineData("Phan Thiet Fish Sauce Association")]
    [InlineData("Dragon Fruit Association")]
    [InlineData("Aquatic Products Association")]
    [InlineData("Provincial Shrimp Breeding Association")]
    public void Every_organization_the_report_names_exists_province_wide_with_an_NFC_Vietnamese_name(string nameEn)
    {
        using var connection = demo.Open();

        var name = connection.QuerySingle<string>(
            $"SELECT name FROM organizations WHERE name_en = @nameEn AND scope = 'province' AND {ActiveOrganizations}", new { nameEn, asOf = AsOf2024 });

        Assert.True(name.IsNormalized(NormalizationForm.FormC), name);
        Assert.Matches("^(Hội|Hiệp hội|Liên hiệp|Liên minh|Câu lạc bộ) ", name);
    }

    [Fact]
    public void Every_stored_name_is_in_NFC()
    {
        using var connection = demo.Open();

        var names = connection.Query<string>("SELECT name FROM localities UNION ALL SELECT name FROM organizations UNION ALL SELECT name FROM committees UNION ALL SELECT title FROM activities WHERE title IS NOT NULL");

        Assert.All(names, name => Assert.True(name.IsNormalized(NormalizationForm.FormC), name));
    }
}
