namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// The 34 provinces and centrally run cities since the reform of 1 July 2025, with roughly the number
/// of commune-level units each was given (the count of the last one is adjusted so the nation has
/// exactly 3,321) and the special zones that are real island units.
/// </summary>
internal static class NationProvinces
{
    /// <summary>Commune-level units in the country after the reform.</summary>
    public const int CommuneCount = 3321;

    /// <summary>The date the two-level government began; every unit of the nation data is valid from it.</summary>
    public const string ReformDate = "2025-07-01";

    public static readonly NationProvince[] All =
    [
        new("Hà Nội", "city", 126, []),
        new("Huế", "city", 40, []),
        new("Lai Châu", "province", 38, []),
        new("Điện Biên", "province", 45, []),
        new("Sơn La", "province", 75, []),
        new("Lạng Sơn", "province", 65, []),
        new("Quảng Ninh", "province", 54, ["Vân Đồn", "Cô Tô"]),
        new("Thanh Hóa", "province", 166, []),
        new("Nghệ An", "province", 130, []),
        new("Hà Tĩnh", "province", 69, []),
        new("Cao Bằng", "province", 56, []),
        new("Tuyên Quang", "province", 124, []),
        new("Lào Cai", "province", 99, []),
        new("Thái Nguyên", "province", 92, []),
        new("Phú Thọ", "province", 148, []),
        new("Bắc Ninh", "province", 99, []),
        new("Hưng Yên", "province", 104, []),
        new("Hải Phòng", "city", 114, ["Cát Hải", "Bạch Long Vĩ"]),
        new("Ninh Bình", "province", 129, []),
        new("Quảng Trị", "province", 78, ["Cồn Cỏ"]),
        new("Đà Nẵng", "city", 94, ["Hoàng Sa"]),
        new("Quảng Ngãi", "province", 96, ["Lý Sơn"]),
        new("Gia Lai", "province", 135, []),
        new("Khánh Hòa", "province", 65, ["Trường Sa"]),
        new("Lâm Đồng", "province", 124, ["Phú Quý"]),
        new("Đắk Lắk", "province", 102, []),
        new("Hồ Chí Minh", "city", 168, ["Côn Đảo"]),
        new("Đồng Nai", "province", 95, []),
        new("Tây Ninh", "province", 96, []),
        new("Cần Thơ", "city", 103, []),
        new("Vĩnh Long", "province", 124, []),
        new("Đồng Tháp", "province", 102, []),
        new("Cà Mau", "province", 64, []),
        new("An Giang", "province", 102, ["Phú Quốc", "Thổ Châu", "Kiên Hải"]),
    ];

    /// <summary>How many commune-level units province <paramref name="index"/> has: its count, the last one taking up the difference to 3,321.</summary>
    public static int Communes(int index) =>
        index < All.Length - 1 ? All[index].Communes : CommuneCount - All.Take(All.Length - 1).Sum(p => p.Communes);
}

/// <summary>A province-level unit: its name, "province" or "city", its approximate commune count and its special zones.</summary>
internal sealed record NationProvince(string Name, string UnitType, int Communes, string[] SpecialZones);
