namespace ReportEngine.Data.Demo;

/// <summary>Vietnamese titles for the demo activities, by kind.</summary>
internal static class ActivityTitles
{
    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["consultation"] =
        [
            "Tư vấn đề án phát triển kinh tế tập thể, hợp tác xã",
            "Tư vấn quy hoạch vùng sản xuất thanh long",
            "Tư vấn chương trình phát triển du lịch biển",
            "Tư vấn dự án cấp nước sinh hoạt nông thôn",
        ],
        ["supervision"] =
        [
            "Giám sát việc thực hiện chính sách đối với người cao tuổi",
            "Giám sát thực hiện chế độ đối với nạn nhân chất độc da cam/dioxin",
            "Giám sát công tác bảo vệ môi trường tại khu công nghiệp",
            "Giám sát việc thực hiện chính sách bảo trợ xã hội",
        ],
        ["social_criticism"] =
        [
            "Phản biện dự thảo quy hoạch tỉnh thời kỳ 2021–2030",
            "Phản biện đề án phát triển hệ thống thủy lợi",
            "Phản biện dự thảo nghị quyết về hỗ trợ hợp tác xã",
            "Phản biện chương trình xây dựng nông thôn mới",
        ],
        ["seminar"] =
        [
            "Hội thảo khoa học về chăm sóc sức khỏe cộng đồng",
            "Hội thảo khoa học về hệ thống thủy lợi trong nông nghiệp",
            "Hội thảo ứng dụng công nghệ cao trong nuôi trồng thủy sản",
            "Tọa đàm chuyển đổi số trong hoạt động hội",
        ],
        ["charity"] =
        [
            "Trao quà Tết cho hộ nghèo, gia đình chính sách",
            "Hỗ trợ xây nhà nhân đạo",
            "Trao học bổng cho học sinh nghèo vượt khó",
            "Khám bệnh, cấp thuốc miễn phí cho người dân",
            "Hỗ trợ người dân bị ảnh hưởng bởi thiên tai",
        ],
        ["dialogue"] =
        [
            "Đối thoại chuyên đề giữa người đứng đầu cấp ủy với hội viên",
            "Đối thoại với Nhân dân về chính sách đất đai",
        ],
        ["emulation_model"] =
        [
            "Mô hình “Dân vận khéo” hỗ trợ sinh kế cho hội viên",
            "Mô hình “Dân vận khéo” xây dựng khu dân cư văn minh",
            "Mô hình “Dân vận khéo” giữ gìn vệ sinh môi trường",
        ],
        ["guiding_document"] =
        [
            "Kế hoạch thực hiện Kết luận số 102-KL/TW về hội quần chúng",
            "Văn bản lãnh đạo Mặt trận và các tổ chức chính trị - xã hội",
            "Quy chế phối hợp giữa chính quyền và các hội quần chúng",
        ],
    };

    public static string Pick(Random random, string kind)
    {
        var titles = Titles[kind];
        return titles[random.Next(titles.Length)];
    }
}
