namespace ReportEngine.Data.Demo;

/// <summary>
/// A kind of organisation found in many districts or communes; the name is completed with the
/// locality: "Hội Người cao tuổi" + "xã Thiện Nghiệp". Sizes are drawn from [MinMembers, MaxMembers].
/// </summary>
internal sealed record BranchTemplate(string Prefix, string NameEn, string Kind, string Field, int MinMembers, int MaxMembers);

/// <summary>An organisation outside the 2024 totals: dissolved before 31 August 2024 or founded after it.</summary>
internal sealed record ExtraOrganizationEntry(
    string LocalityCode, string Prefix, string NameEn, string Kind, string Field, string FoundedOn, string? DissolvedOn, int Members);

/// <summary>The organisations repeated across districts and communes, and the few outside the 2024 totals.</summary>
internal static class BranchOrganizationCatalogue
{
    /// <summary>How many district-scope organisations each district has, in catalogue order: 124 in all.</summary>
    public static readonly IReadOnlyList<int> DistrictCounts = [16, 12, 13, 13, 14, 13, 12, 12, 11, 8];

    /// <summary>District templates; a district takes the first N. Assigned ones come first, as everywhere has them.</summary>
    public static readonly IReadOnlyList<BranchTemplate> District =
    [
        new("Hội Chữ thập đỏ", "Red Cross", "assigned", "charity", 800, 3000),
        new("Hội Khuyến học", "Association for the Promotion of Education", "assigned", "social", 800, 2500),
        new("Hội Người cao tuổi", "Association of the Elderly", "assigned", "social", 900, 2500),
        new("Hội Nạn nhân chất độc da cam/dioxin", "Association for Victims of Agent Orange/dioxin", "assigned", "charity", 300, 900),
        new("Hội Cựu Thanh niên xung phong", "Association of Former Youth Volunteers", "assigned", "social", 200, 700),
        new("Hội Bảo trợ người khuyết tật và Bảo vệ quyền trẻ em", "Association for the Support of the Disabled and Protection of Children's Rights", "assigned", "charity", 150, 500),
        new("Hội Người mù", "Association for the Blind", "assigned", "charity", 80, 300),
        new("Hội Đông y", "Association of Oriental Medicine", "assigned", "health", 60, 250),
        new("Hội Luật gia", "Lawyers Association", "assigned", "professional", 40, 150),
        new("Câu lạc bộ Hưu trí", "Retirement Club", "voluntary", "social", 200, 800),
        new("Hội Cựu giáo chức", "Association of Retired Teachers", "voluntary", "social", 150, 600),
        new("Hội Làm vườn", "Gardening Association", "voluntary", "economic", 200, 1200),
        new("Hội Sinh vật cảnh", "Ornamental Plants Association", "voluntary", "culture", 60, 300),
        new("Hội Doanh nghiệp", "Association of Enterprises", "voluntary", "economic", 50, 250),
        new("Hội Cựu Công an nhân dân", "Association of Former People's Police", "voluntary", "social", 80, 400),
        new("Hội Bảo trợ bệnh nhân nghèo", "Association for the Support of Poor Patients", "voluntary", "charity", 60, 300),
    ];

    /// <summary>Commune templates; a commune takes the first N (7 to 12).</summary>
    public static readonly IReadOnlyList<BranchTemplate> Commune =
    [
        new("Hội Người cao tuổi", "Association of the Elderly", "assigned", "social", 150, 500),
        new("Hội Chữ thập đỏ", "Red Cross", "assigned", "charity", 80, 420),
        new("Hội Khuyến học", "Association for the Promotion of Education", "assigned", "social", 80, 420),
        new("Hội Cựu Thanh niên xung phong", "Association of Former Youth Volunteers", "assigned", "social", 30, 200),
        new("Hội Nạn nhân chất độc da cam/dioxin", "Association for Victims of Agent Orange/dioxin", "assigned", "charity", 30, 200),
        new("Hội Bảo trợ người khuyết tật và Bảo vệ quyền trẻ em", "Association for the Support of the Disabled and Protection of Children's Rights", "assigned", "charity", 30, 180),
        new("Câu lạc bộ Hưu trí", "Retirement Club", "voluntary", "social", 50, 320),
        new("Hội Làm vườn", "Gardening Association", "voluntary", "economic", 60, 380),
        new("Hội Cựu giáo chức", "Association of Retired Teachers", "voluntary", "social", 30, 200),
        new("Hội Đông y", "Association of Oriental Medicine", "assigned", "health", 20, 120),
        new("Hội Sinh vật cảnh", "Ornamental Plants Association", "voluntary", "culture", 20, 150),
        new("Hội Bảo trợ bệnh nhân nghèo", "Association for the Support of Poor Patients", "voluntary", "charity", 20, 150),
    ];

    public const int CommuneOrganizationsMin = 7;

    /// <summary>
    /// Outside the 2024 totals, so the totals stay exact while the data stays realistic: dissolved
    /// during the assessment year (they count in 2023 only), long ago, or founded after the report.
    /// </summary>
    public static readonly IReadOnlyList<ExtraOrganizationEntry> Extras =
    [
        new("binh-thuan", "Hội Nuôi cá lồng bè", "Cage Fish Farming Association", "voluntary", "economic", "2009-04-01", "2024-04-20", 140),
        new("binh-thuan", "Hội Doanh nghiệp Năng lượng tái tạo", "Renewable Energy Enterprises Association", "voluntary", "economic", "2024-11-05", null, 45),
        new("duc-linh", "Hội Nuôi cá nước ngọt", "Freshwater Fish Farming Association", "voluntary", "economic", "2011-09-01", "2024-05-10", 180),
        new("tuy-phong-phuoc-the", "Hội Nuôi ong", "Beekeeping Association", "voluntary", "economic", "2012-05-10", "2024-03-15", 60),
        new("bac-binh-phan-son", "Câu lạc bộ Nuôi dê", "Goat Breeding Club", "voluntary", "economic", "2015-07-01", "2024-01-20", 45),
        new("ham-tan-son-my", "Câu lạc bộ Thơ", "Poetry Club", "voluntary", "culture", "2010-03-01", "2024-06-30", 35),
        new("tanh-linh-gia-an", "Câu lạc bộ Nuôi ong", "Beekeeping Club", "voluntary", "economic", "2005-01-01", "2021-06-30", 40),
        new("phan-thiet-mui-ne", "Câu lạc bộ Lướt ván", "Surfing Club", "voluntary", "culture", "2025-02-14", null, 30),
    ];
}
