namespace ReportEngine.Import;

/// <summary>
/// The import format: every table, its columns in template order, and the order tables are read
/// and written in (a table only refers to tables before it, or to itself).
/// </summary>
public static class ImportTables
{
    public static readonly IReadOnlyList<string> ActivityKinds =
        ["consultation", "supervision", "social_criticism", "seminar", "charity", "dialogue", "emulation_model", "guiding_document"];

    public static readonly TableSpec Localities = new("localities",
    [
        Code("binh-thuan", "the unit's stable code", "mã ổn định của đơn vị"),
        Text("name", true, "Bình Thuận", "the unit's name in Vietnamese", "tên đơn vị"),
        Choice("level", true, ["province", "district", "commune"], "commune"),
        Text("unit_type", true, "ward", "province, city, town, district, ward, township, commune, special-zone", "loại đơn vị: province, city, town, district, ward, township, commune, special-zone"),
        Reference("parent", false, "localities", "phan-thiet", "the code of the unit above it (empty for a province)", "mã đơn vị cấp trên (để trống với tỉnh)"),
        Date("valid_from", true, "2020-01-01", "the day the unit came into being", "ngày đơn vị bắt đầu tồn tại"),
        Date("valid_to", false, "2025-07-01", "the day it ended (empty: still exists); the interval excludes this day", "ngày đơn vị chấm dứt (để trống: còn tồn tại)"),
        Reference("merged_into", false, "localities", "lam-dong", "the code of the unit it was merged into", "mã đơn vị mà đơn vị này được sáp nhập vào"),
    ], ["code"]);

    public static readonly TableSpec Organizations = new("organizations",
    [
        Code("hoi-luat-gia-tinh", "the organisation's stable code", "mã ổn định của hội"),
        Text("name", true, "Hội Luật gia tỉnh", "the name in Vietnamese", "tên hội"),
        Text("name_en", false, "Provincial Lawyers' Association", "the name in English", "tên tiếng Anh"),
        Choice("scope", true, ["province", "district", "commune"], "province"),
        Choice("kind", true, ["assigned", "voluntary"], "assigned"),
        Text("field", true, "professional", "science, social, charity, economic, professional, culture, health", "lĩnh vực: science, social, charity, economic, professional, culture, health"),
        Reference("locality", true, "localities", "binh-thuan", "the code of the locality it is registered in", "mã địa bàn nơi hội đăng ký"),
        Date("founded_on", true, "2005-03-15", "the day it was founded", "ngày thành lập"),
        Date("dissolved_on", false, "2024-08-31", "the day it was dissolved (empty: active)", "ngày giải thể (để trống: đang hoạt động)"),
    ], ["code"]);

    public static readonly TableSpec Members = new("members",
    [
        Code("hv-000001", "the member's card number, unique", "số thẻ hội viên, không trùng"),
        Reference("organization", true, "organizations", "hoi-luat-gia-tinh", "the code of the organisation", "mã hội"),
        Choice("gender", true, ["female", "male"], "female"),
        Integer("birth_year", true, "1980", "the year of birth", "năm sinh"),
        Date("joined_on", true, "2019-05-01", "the day the member joined", "ngày vào hội"),
        Date("left_on", false, "", "the day the member left (empty: still a member)", "ngày ra khỏi hội (để trống: còn là hội viên)"),
    ], ["code"]);

    public static readonly TableSpec MemberCounts = new("member_counts",
    [
        Reference("organization", true, "organizations", "hoi-nguoi-mu-xa", "the code of an organisation that keeps only totals", "mã hội chỉ báo cáo tổng số hội viên"),
        Date("counted_on", true, "2024-08-31", "the day of the count; it stands until the next count", "ngày thống kê; số liệu giữ nguyên đến lần thống kê sau"),
        Integer("members", true, "245", "the number of members on that day", "số hội viên vào ngày đó"),
    ], ["organization", "counted_on"]);

    public static readonly TableSpec Activities = new("activities",
    [
        Code("hd-000001", "the activity's stable code", "mã hoạt động"),
        Reference("organization", false, "organizations", "hoi-luat-gia-tinh", "the organisation's code (empty: a guiding document of the locality's Party committee)", "mã hội (để trống: văn bản chỉ đạo của cấp ủy)"),
        Reference("locality", true, "localities", "binh-thuan", "the locality's code", "mã địa bàn"),
        Date("held_on", true, "2024-03-08", "the day it took place", "ngày diễn ra"),
        Choice("kind", true, ActivityKinds, "charity"),
        Text("title", false, "Trao quà Tết cho hộ nghèo", "what it was", "nội dung"),
        Integer("value_vnd", false, "150000000", "charitable support in VND (digits only)", "giá trị hỗ trợ từ thiện, đồng (chỉ chữ số)"),
    ], ["code"]);

    public static readonly TableSpec Targets = new("targets",
    [
        Reference("locality", true, "localities", "binh-thuan", "the locality the target is set for", "mã địa bàn được giao chỉ tiêu"),
        Text("indicator", true, "membership_rate:women",
            "membership_rate:<farmers|veterans|women|workers|youth>, supervision_contents_min, social_criticism_contents_min, thematic_dialogues_min, guiding_documents_rate, recommendations_answered_rate",
            "chỉ tiêu: membership_rate:<farmers|veterans|women|workers|youth>, supervision_contents_min, social_criticism_contents_min, thematic_dialogues_min, guiding_documents_rate, recommendations_answered_rate"),
        Integer("period_from", true, "2021", "the first year of the period", "năm đầu giai đoạn"),
        Integer("period_to", true, "2025", "the last year of the period (inclusive)", "năm cuối giai đoạn"),
        Number("target_value", true, "75", "the value to reach", "giá trị chỉ tiêu"),
        Choice("unit", true, ["percent", "count"], "percent"),
        Text("resolution", true, "Nghị quyết số 04-NQ/TU ngày 19/11/2021 của Ban Thường vụ Tỉnh ủy", "the resolution's full name", "tên đầy đủ của nghị quyết"),
        Text("resolution_number", false, "04-NQ/TU", "the resolution's number", "số hiệu nghị quyết"),
        Date("resolution_date", false, "2021-11-19", "the day it was adopted", "ngày ban hành"),
    ], ["locality", "indicator", "period_from"]);

    public static readonly TableSpec EligiblePopulations = new("eligible_populations",
    [
        Reference("locality", true, "localities", "binh-thuan", "the locality", "mã địa bàn"),
        Choice("group", true, ["farmers", "veterans", "women", "workers", "youth"], "women"),
        Integer("year", true, "2024", "the year", "năm"),
        Integer("eligible", true, "372000", "people eligible to join (more than 0)", "số người đủ điều kiện tham gia (lớn hơn 0)"),
        Integer("members", true, "284000", "of them, members", "trong đó số hội viên"),
    ], ["locality", "group", "year"]);

    public static readonly TableSpec Committees = new("committees",
    [
        Code("binh-thuan", "the committee's code", "mã ban thường vụ"),
        Text("name", true, "Ban Thường vụ Tỉnh ủy Bình Thuận", "the committee's name", "tên ban thường vụ"),
        Reference("locality", true, "localities", "binh-thuan", "the locality whose report it receives (one committee per locality)", "mã địa bàn (mỗi địa bàn một ban thường vụ)"),
        Choice("language", false, ["vi", "en", "pl"], "vi") with { NoteEn = "the report's language: vi, en or pl (empty: vi)", NoteVi = "ngôn ngữ báo cáo: vi, en hoặc pl (để trống: vi)" },
        new ColumnSpec("to", ColumnKind.Addresses, false, "tinh-uy@example.org", "e-mail addresses, separated by ';'", "địa chỉ thư điện tử, cách nhau bởi ';'"),
        new ColumnSpec("cc", ColumnKind.Addresses, false, "dan-van@example.org", "copy addresses, separated by ';'", "địa chỉ đồng gửi, cách nhau bởi ';'"),
        Text("drop_folder", false, "/mnt/share/binh-thuan", "an absolute path of a mounted share to copy the PDFs into", "đường dẫn tuyệt đối tới thư mục dùng chung"),
        Text("issuing_body", false, "TỈNH ỦY BÌNH THUẬN", "the issuing body printed top left of its reports (a superior body above it after a line feed)", "tên cơ quan ban hành in ở góc trái trang đầu"),
        Text("body_symbol", false, "TU", "the body's symbol in the document number (Số 123-BC/TU)", "ký hiệu cơ quan trong số văn bản"),
        Text("signer_authority", false, "T/M BAN THƯỜNG VỤ", "the signer's authority", "quyền hạn của người ký"),
        Text("signer_position", false, "PHÓ BÍ THƯ", "the signer's position", "chức vụ của người ký"),
        Text("signer_name", false, "Nguyễn Văn A", "the signer's name", "họ tên người ký"),
        Text("place", false, "Phan Thiết", "the place in the date line", "địa danh ghi ở dòng ngày tháng"),
    ], ["code"]);

    /// <summary>Parents before children: the order files are read, checked and written in.</summary>
    public static readonly IReadOnlyList<TableSpec> All =
        [Localities, Organizations, Members, MemberCounts, Activities, Targets, EligiblePopulations, Committees];

    public static TableSpec? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static ColumnSpec Code(string example, string en, string vi) => new("code", ColumnKind.Code, true, example, en, vi);

    private static ColumnSpec Text(string name, bool required, string example, string en, string vi) => new(name, ColumnKind.Text, required, example, en, vi);

    private static ColumnSpec Date(string name, bool required, string example, string en, string vi) => new(name, ColumnKind.Date, required, example, en, vi);

    private static ColumnSpec Integer(string name, bool required, string example, string en, string vi) => new(name, ColumnKind.WholeNumber, required, example, en, vi);

    private static ColumnSpec Number(string name, bool required, string example, string en, string vi) => new(name, ColumnKind.Number, required, example, en, vi);

    private static ColumnSpec Reference(string name, bool required, string target, string example, string en, string vi) =>
        new(name, ColumnKind.Reference, required, example, en, vi) { Target = target };

    private static ColumnSpec Choice(string name, bool required, IReadOnlyList<string> allowed, string example) =>
        new(name, ColumnKind.Choice, required, example, "one of: " + string.Join(", ", allowed), "một trong: " + string.Join(", ", allowed)) { Allowed = allowed };
}
