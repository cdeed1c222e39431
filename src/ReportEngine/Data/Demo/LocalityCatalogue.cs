namespace ReportEngine.Data.Demo;

/// <summary>A commune-level unit as named before the 2025 reform: a ward, a township or a commune.</summary>
internal sealed record CommuneEntry(string Name, string UnitType);

/// <summary>A district-level unit of Bình Thuận and the commune-level units it held until 2025.</summary>
internal sealed record DistrictEntry(string Name, string UnitType, string ValidFrom, IReadOnlyList<CommuneEntry> Communes)
{
    public string Code => Slug.From(Name);
}

/// <summary>A commune-level unit created on 1 July 2025 from several older ones (an example of the reform).</summary>
internal sealed record CommuneMerger(string Name, string UnitType, IReadOnlyList<string> MergedCodes)
{
    public string Code => "lam-dong-" + Slug.From(Name);
}

/// <summary>
/// Bình Thuận's administrative units as they stood in 2024 (ten district-level units and their
/// wards, townships and communes), and a few of the mergers of 1 July 2025 as examples.
/// The names are the real ones as best known; the commune list may differ slightly from the
/// official one, which does not matter for a demo.
/// </summary>
internal static class LocalityCatalogue
{
    public const string ProvinceCode = "binh-thuan";
    public const string ProvinceName = "Bình Thuận";
    public const string ProvinceValidFrom = "1992-01-01";
    public const string SuccessorCode = "lam-dong";
    public const string SuccessorName = "Lâm Đồng";

    public static readonly IReadOnlyList<DistrictEntry> Districts =
    [
        new("Phan Thiết", "city", ProvinceValidFrom,
        [
            .. Wards("Mũi Né", "Hàm Tiến", "Phú Hài", "Phú Thủy", "Phú Tài", "Phú Trinh", "Xuân An", "Thanh Hải",
                "Bình Hưng", "Đức Nghĩa", "Lạc Đạo", "Đức Thắng", "Hưng Long", "Đức Long"),
            .. Communes("Thiện Nghiệp", "Phong Nẫm", "Tiến Lợi", "Tiến Thành"),
        ]),
        new("La Gi", "town", "2005-09-05",
        [
            .. Wards("Phước Hội", "Phước Lộc", "Tân Thiện", "Tân An", "Bình Tân"),
            .. Communes("Tân Hải", "Tân Tiến", "Tân Bình", "Tân Phước"),
        ]),
        new("Tuy Phong", "district", ProvinceValidFrom,
        [
            .. Townships("Liên Hương", "Phan Rí Cửa"),
            .. Communes("Vĩnh Tân", "Vĩnh Hảo", "Phước Thể", "Phú Lạc", "Phong Phú", "Chí Công", "Bình Thạnh",
                "Hòa Minh", "Hòa Phú", "Phan Dũng"),
        ]),
        new("Bắc Bình", "district", ProvinceValidFrom,
        [
            .. Townships("Chợ Lầu", "Lương Sơn"),
            .. Communes("Bình An", "Bình Tân", "Hải Ninh", "Hòa Thắng", "Hồng Phong", "Hồng Thái", "Phan Điền",
                "Phan Hiệp", "Phan Hòa", "Phan Lâm", "Phan Rí Thành", "Phan Sơn", "Phan Thanh", "Phan Tiến",
                "Sông Bình", "Sông Lũy"),
        ]),
        new("Hàm Thuận Bắc", "district", ProvinceValidFrom,
        [
            .. Townships("Ma Lâm", "Phú Long"),
            .. Communes("Đa Mi", "Đông Giang", "Đông Tiến", "Hàm Chính", "Hàm Đức", "Hàm Hiệp", "Hàm Liêm",
                "Hàm Phú", "Hàm Thắng", "Hàm Trí", "Hồng Liêm", "Hồng Sơn", "La Dạ", "Thuận Hòa", "Thuận Minh"),
        ]),
        new("Hàm Thuận Nam", "district", ProvinceValidFrom,
        [
            .. Townships("Thuận Nam"),
            .. Communes("Hàm Minh", "Hàm Mỹ", "Hàm Kiệm", "Hàm Cường", "Hàm Thạnh", "Mương Mán", "Mỹ Thạnh",
                "Hàm Cần", "Tân Lập", "Tân Thuận", "Tân Thành", "Thuận Quý"),
        ]),
        new("Tánh Linh", "district", ProvinceValidFrom,
        [
            .. Townships("Lạc Tánh"),
            .. Communes("Bắc Ruộng", "Đồng Kho", "Đức Bình", "Đức Phú", "Đức Thuận", "Gia An", "Gia Huynh",
                "Huy Khiêm", "La Ngâu", "Măng Tố", "Nghị Đức", "Suối Kiết", "Đức Tân"),
        ]),
        new("Đức Linh", "district", ProvinceValidFrom,
        [
            .. Townships("Võ Xu", "Đức Tài"),
            .. Communes("Đa Kai", "Đông Hà", "Đức Chính", "Đức Hạnh", "Đức Tín", "Mê Pu", "Nam Chính",
                "Sùng Nhơn", "Tân Hà", "Trà Tân", "Vũ Hòa"),
        ]),
        new("Hàm Tân", "district", ProvinceValidFrom,
        [
            .. Townships("Tân Minh", "Tân Nghĩa"),
            .. Communes("Sông Phan", "Tân Đức", "Tân Hà", "Tân Phúc", "Tân Thắng", "Tân Xuân", "Thắng Hải", "Sơn Mỹ"),
        ]),
        // The island district: it became the special zone (đặc khu) Phú Quý in 2025.
        new("Phú Quý", "district", ProvinceValidFrom, [.. Communes("Long Hải", "Ngũ Phụng", "Tam Thanh")]),
    ];

    /// <summary>Examples of the commune-level mergers of 1 July 2025; the other units are left open-ended.</summary>
    public static readonly IReadOnlyList<CommuneMerger> Mergers =
    [
        new("Mũi Né", "ward", ["phan-thiet-mui-ne", "phan-thiet-ham-tien", "phan-thiet-thien-nghiep"]),
        new("Phan Thiết", "ward",
            ["phan-thiet-duc-nghia", "phan-thiet-duc-thang", "phan-thiet-lac-dao", "phan-thiet-hung-long", "phan-thiet-binh-hung"]),
        new("La Gi", "ward", ["la-gi-phuoc-hoi", "la-gi-phuoc-loc", "la-gi-tan-an", "la-gi-tan-thien", "la-gi-binh-tan"]),
        new("Phú Quý", "special-zone", ["phu-quy-long-hai", "phu-quy-ngu-phung", "phu-quy-tam-thanh"]),
    ];

    /// <summary>The word Vietnamese puts before a unit's name: "xã Thiện Nghiệp", "huyện Tuy Phong".</summary>
    public static string UnitWord(string unitType) => unitType switch
    {
        "province" => "tỉnh",
        "city" => "thành phố",
        "town" => "thị xã",
        "district" => "huyện",
        "ward" => "phường",
        "township" => "thị trấn",
        "commune" => "xã",
        "special-zone" => "đặc khu",
        _ => throw new ArgumentOutOfRangeException(nameof(unitType), unitType, "Unknown unit type."),
    };

    private static IEnumerable<CommuneEntry> Wards(params string[] names) => names.Select(n => new CommuneEntry(n, "ward"));

    private static IEnumerable<CommuneEntry> Townships(params string[] names) => names.Select(n => new CommuneEntry(n, "township"));

    private static IEnumerable<CommuneEntry> Communes(params string[] names) => names.Select(n => new CommuneEntry(n, "commune"));
}
