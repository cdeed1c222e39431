namespace ReportEngine.Data.Demo;

/// <summary>A mass organisation working province-wide; Members 0 means "draw a plausible size".</summary>
internal sealed record ProvinceOrganizationEntry(string Name, string NameEn, string Kind, string Field, int Members = 0);

/// <summary>
/// Bình Thuận's 65 province-wide mass organisations: the 14 assigned tasks by the Party and State
/// (the national list of "hội có tính chất đặc thù") and 51 voluntary, self-managed ones, among
/// them every organisation the 2024 report names. English names follow the report's wording.
/// </summary>
internal static class ProvinceOrganizationCatalogue
{
    /// <summary>Its size is what is left of the published 440,532 once every other size is drawn.</summary>
    public const string BalancingName = "Hội Người cao tuổi tỉnh Bình Thuận";

    public static readonly IReadOnlyList<ProvinceOrganizationEntry> Assigned =
    [
        new("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bình Thuận", "Provincial Union of Science and Technology Associations", "assigned", "science", 2600),
        new("Liên hiệp các tổ chức hữu nghị tỉnh Bình Thuận", "Provincial Union of Friendship Organizations", "assigned", "social", 350),
        new("Hội Văn học Nghệ thuật tỉnh Bình Thuận", "Provincial Association of Literature and Arts", "assigned", "culture", 380),
        new("Hội Nhà báo tỉnh Bình Thuận", "Provincial Journalists Association", "assigned", "professional", 420),
        new("Hội Luật gia tỉnh Bình Thuận", "Lawyers Association", "assigned", "professional", 680),
        new("Liên minh Hợp tác xã tỉnh Bình Thuận", "Provincial Cooperatives Union", "assigned", "economic", 460),
        new("Hội Chữ thập đỏ tỉnh Bình Thuận", "Red Cross", "assigned", "charity", 15000),
        new("Hội Khuyến học tỉnh Bình Thuận", "Association for the Promotion of Education", "assigned", "social", 18000),
        new("Hội Người mù tỉnh Bình Thuận", "Association for the Blind", "assigned", "charity", 1250),
        new("Hội Nạn nhân chất độc da cam/dioxin tỉnh Bình Thuận", "Association for Victims of Agent Orange/dioxin", "assigned", "charity", 6200),
        new("Hội Bảo trợ người khuyết tật và Bảo vệ quyền trẻ em tỉnh Bình Thuận", "Association for the Support of the Disabled and Protection of Children's Rights", "assigned", "charity", 820),
        new("Hội Đông y tỉnh Bình Thuận", "Association of Oriental Medicine", "assigned", "health", 940),
        new(BalancingName, "Association of the Elderly", "assigned", "social"),
        new("Hội Cựu Thanh niên xung phong tỉnh Bình Thuận", "Association of Former Youth Volunteers", "assigned", "social", 3400),
    ];

    public static readonly IReadOnlyList<ProvinceOrganizationEntry> Voluntary =
    [
        new("Câu lạc bộ Hưu trí tỉnh Bình Thuận", "Retirement Club", "voluntary", "social", 2100),
        new("Hiệp hội Doanh nghiệp tỉnh Bình Thuận", "Association of Enterprises", "voluntary", "economic", 780),
        new("Hội Doanh nhân trẻ tỉnh Bình Thuận", "Association of Young Entrepreneurs", "voluntary", "economic", 260),
        new("Hiệp hội Du lịch Bình Thuận", "Tourism Association", "voluntary", "economic", 340),
        new("Hiệp hội Nước mắm Phan Thiết", "Phan Thiet Fish Sauce Association", "voluntary", "economic", 120),
        new("Hiệp hội Thanh long Bình Thuận", "Dragon Fruit Association", "voluntary", "economic", 450),
        new("Hội Thủy sản Bình Thuận", "Aquatic Products Association", "voluntary", "economic", 530),
        new("Hội Nuôi tôm tỉnh Bình Thuận", "Provincial Shrimp Breeding Association", "voluntary", "economic", 310),
        new("Hội Cựu giáo chức tỉnh Bình Thuận", "Association of Retired Teachers", "voluntary", "social"),
        new("Hội Làm vườn tỉnh Bình Thuận", "Gardening Association", "voluntary", "economic"),
        new("Hội Sinh vật cảnh tỉnh Bình Thuận", "Ornamental Plants Association", "voluntary", "culture"),
        new("Hội Y học tỉnh Bình Thuận", "Medical Association", "voluntary", "health"),
        new("Hội Điều dưỡng tỉnh Bình Thuận", "Nursing Association", "voluntary", "health"),
        new("Hội Dược học tỉnh Bình Thuận", "Pharmaceutical Association", "voluntary", "health"),
        new("Hội Châm cứu tỉnh Bình Thuận", "Acupuncture Association", "voluntary", "health"),
        new("Hội Kế hoạch hóa gia đình tỉnh Bình Thuận", "Family Planning Association", "voluntary", "health"),
        new("Hội Kiến trúc sư tỉnh Bình Thuận", "Architects Association", "voluntary", "professional"),
        new("Hội Tin học tỉnh Bình Thuận", "Informatics Association", "voluntary", "science"),
        new("Hội Khoa học Kinh tế tỉnh Bình Thuận", "Economic Science Association", "voluntary", "science"),
        new("Hội Khoa học Lịch sử tỉnh Bình Thuận", "Historical Science Association", "voluntary", "science"),
        new("Hội Khoa học Kỹ thuật Xây dựng tỉnh Bình Thuận", "Construction Engineering Association", "voluntary", "science"),
        new("Hội Thủy lợi tỉnh Bình Thuận", "Irrigation Association", "voluntary", "science"),
        new("Hội Kế toán và Kiểm toán tỉnh Bình Thuận", "Accounting and Auditing Association", "voluntary", "professional"),
        new("Hội Tâm lý Giáo dục tỉnh Bình Thuận", "Educational Psychology Association", "voluntary", "science"),
        new("Hội Bảo vệ Thiên nhiên và Môi trường tỉnh Bình Thuận", "Nature and Environment Protection Association", "voluntary", "science"),
        new("Hội Bảo vệ quyền lợi người tiêu dùng tỉnh Bình Thuận", "Consumer Protection Association", "voluntary", "social"),
        new("Hội Người khuyết tật tỉnh Bình Thuận", "Association of People with Disabilities", "voluntary", "charity"),
        new("Hội Bảo trợ bệnh nhân nghèo tỉnh Bình Thuận", "Association for the Support of Poor Patients", "voluntary", "charity"),
        new("Hội Cựu tù chính trị và tù binh tỉnh Bình Thuận", "Association of Former Political Prisoners", "voluntary", "social"),
        new("Hội Cựu Công an nhân dân tỉnh Bình Thuận", "Association of Former People's Police", "voluntary", "social"),
        new("Hội Truyền thống Trường Sơn – Đường Hồ Chí Minh tỉnh Bình Thuận", "Truong Son – Ho Chi Minh Trail Tradition Association", "voluntary", "social"),
        new("Hội Hỗ trợ gia đình liệt sĩ tỉnh Bình Thuận", "Association for the Support of Martyrs' Families", "voluntary", "social"),
        new("Hội Nữ doanh nhân tỉnh Bình Thuận", "Association of Women Entrepreneurs", "voluntary", "economic"),
        new("Hiệp hội Vận tải ô tô tỉnh Bình Thuận", "Road Transport Association", "voluntary", "economic"),
        new("Hội Nghề cá tỉnh Bình Thuận", "Fisheries Association", "voluntary", "economic"),
        new("Hội Chăn nuôi tỉnh Bình Thuận", "Animal Husbandry Association", "voluntary", "economic"),
        new("Hội Thú y tỉnh Bình Thuận", "Veterinary Association", "voluntary", "professional"),
        new("Hội Trang trại tỉnh Bình Thuận", "Farm Owners Association", "voluntary", "economic"),
        new("Hiệp hội Điều Bình Thuận", "Cashew Association", "voluntary", "economic"),
        new("Hội Diêm nghiệp tỉnh Bình Thuận", "Salt Producers Association", "voluntary", "economic"),
        new("Hội Nhiếp ảnh tỉnh Bình Thuận", "Photographic Association", "voluntary", "culture"),
        new("Hội Đờn ca tài tử tỉnh Bình Thuận", "Southern Amateur Music Association", "voluntary", "culture"),
        new("Liên đoàn Bóng đá tỉnh Bình Thuận", "Football Federation", "voluntary", "culture"),
        new("Liên đoàn Võ thuật cổ truyền tỉnh Bình Thuận", "Traditional Martial Arts Federation", "voluntary", "culture"),
        new("Liên đoàn Quần vợt tỉnh Bình Thuận", "Tennis Federation", "voluntary", "culture"),
        new("Liên đoàn Cờ tỉnh Bình Thuận", "Chess Federation", "voluntary", "culture"),
        new("Câu lạc bộ Lướt ván diều Bình Thuận", "Kitesurfing Club", "voluntary", "culture"),
        new("Hội Golf tỉnh Bình Thuận", "Golf Association", "voluntary", "culture"),
        new("Hội Thư viện tỉnh Bình Thuận", "Library Association", "voluntary", "culture"),
        new("Hội Từ thiện tỉnh Bình Thuận", "Charity Association", "voluntary", "charity"),
        new("Hội Hiến máu tình nguyện tỉnh Bình Thuận", "Voluntary Blood Donation Association", "voluntary", "charity"),
    ];
}
