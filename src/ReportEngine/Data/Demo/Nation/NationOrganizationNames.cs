namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// Kinds of mass organisation at each scope, with whether the Party and State assigns them tasks and
/// their field. A province has the associations the seeds name; a commune its branches and clubs.
/// </summary>
internal static class NationOrganizationNames
{
    public static readonly (string Name, string Kind, string Field)[] Province =
    [
        ("Liên hiệp các Hội Khoa học và Kỹ thuật", "assigned", "science"),
        ("Hội Chữ thập đỏ", "assigned", "charity"),
        ("Hội Luật gia", "assigned", "professional"),
        ("Liên minh Hợp tác xã", "assigned", "economic"),
        ("Hội Nhà báo", "assigned", "professional"),
        ("Liên hiệp các Hội Văn học Nghệ thuật", "assigned", "culture"),
        ("Hội Người mù", "assigned", "social"),
        ("Hội Nạn nhân chất độc da cam/dioxin", "assigned", "social"),
        ("Hội Khuyến học", "assigned", "social"),
        ("Hội Cựu thanh niên xung phong", "assigned", "social"),
        ("Hội Người cao tuổi", "assigned", "social"),
        ("Hội Bảo trợ người khuyết tật và quyền trẻ em", "assigned", "charity"),
        ("Hội Đông y", "assigned", "health"),
        ("Liên hiệp các tổ chức hữu nghị", "assigned", "culture"),
        ("Hội Doanh nhân trẻ", "voluntary", "economic"),
        ("Hiệp hội Doanh nghiệp", "voluntary", "economic"),
        ("Hiệp hội Du lịch", "voluntary", "economic"),
        ("Hội Làm vườn", "voluntary", "economic"),
        ("Hội Sinh vật cảnh", "voluntary", "culture"),
        ("Hội Y học", "voluntary", "health"),
        ("Hội Dược học", "voluntary", "health"),
        ("Hội Kiến trúc sư", "voluntary", "professional"),
        ("Hội Xây dựng", "voluntary", "professional"),
        ("Hội Tin học", "voluntary", "science"),
        ("Hội Nghề cá", "voluntary", "economic"),
        ("Hội Cựu giáo chức", "voluntary", "social"),
        ("Hội Cựu Công an nhân dân", "voluntary", "social"),
        ("Câu lạc bộ Hưu trí", "voluntary", "social"),
        ("Hội Khoa học Lịch sử", "voluntary", "science"),
        ("Hội Điều dưỡng", "voluntary", "health"),
        ("Hội Kế toán và Kiểm toán", "voluntary", "professional"),
        ("Hội Bảo vệ quyền lợi người tiêu dùng", "voluntary", "social"),
        ("Hội Châm cứu", "voluntary", "health"),
        ("Hội Thủy sản", "voluntary", "economic"),
        ("Hội Bảo vệ thiên nhiên và môi trường", "voluntary", "science"),
        ("Hội Thể thao người khuyết tật", "voluntary", "culture"),
    ];

    public static readonly (string Name, string Kind, string Field)[] District =
    [
        ("Hội Cựu giáo chức khu vực", "voluntary", "social"),
        ("Hội Doanh nghiệp khu vực", "voluntary", "economic"),
        ("Hội Đông y khu vực", "assigned", "health"),
        ("Hội Nạn nhân chất độc da cam/dioxin khu vực", "assigned", "social"),
        ("Câu lạc bộ Hưu trí khu vực", "voluntary", "social"),
    ];

    public static readonly (string Name, string Kind, string Field)[] Commune =
    [
        ("Chi hội Người cao tuổi", "assigned", "social"),
        ("Hội Khuyến học", "assigned", "social"),
        ("Chi hội Chữ thập đỏ", "assigned", "charity"),
        ("Chi hội Cựu thanh niên xung phong", "assigned", "social"),
        ("Chi hội Nạn nhân chất độc da cam/dioxin", "assigned", "social"),
        ("Câu lạc bộ Hưu trí", "voluntary", "social"),
        ("Chi hội Cựu giáo chức", "voluntary", "social"),
        ("Tổ hợp tác nuôi trồng thủy sản", "voluntary", "economic"),
        ("Hội Sinh vật cảnh", "voluntary", "culture"),
        ("Chi hội Làm vườn", "voluntary", "economic"),
        ("Câu lạc bộ Dưỡng sinh", "voluntary", "health"),
        ("Câu lạc bộ Thơ", "voluntary", "culture"),
        ("Chi hội Nuôi ong", "voluntary", "economic"),
        ("Chi hội Đông y", "voluntary", "health"),
        ("Câu lạc bộ Nông dân sản xuất giỏi", "voluntary", "economic"),
    ];
}
