namespace ReportEngine.Tests.SecondProvince.Model;

/// <summary>
/// Quảng Trị as the tests know it: four districts of five communes each; Cam Tuyền was merged
/// into Cam Hiếu on 1 January 2023 (it keeps its row and its organisations keep pointing at it).
/// </summary>
public static class QuangTriLocalities
{
    public const string Province = "qt";
    public const string CamLo = "qt-cam-lo";
    public const string MergedCommune = "qt-cam-tuyen";
    public const string Successor = "qt-cam-hieu";
    public static readonly DateOnly MergedOn = new(2023, 1, 1);
    private static readonly DateOnly Since = new(1989, 7, 1);

    /// <summary>District code, name, unit type, and the words that name it inside an organisation's name.</summary>
    public static IReadOnlyList<(string Code, string Name, string UnitType, string InName)> Districts { get; } =
    [
        ("qt-dong-ha", "Đông Hà", "city", "thành phố Đông Hà"),
        (CamLo, "Cam Lộ", "district", "huyện Cam Lộ"),
        ("qt-gio-linh", "Gio Linh", "district", "huyện Gio Linh"),
        ("qt-hai-lang", "Hải Lăng", "district", "huyện Hải Lăng"),
    ];

    private static readonly Dictionary<string, (string Code, string Name, string UnitType)[]> CommunesOf = new(StringComparer.Ordinal)
    {
        ["qt-dong-ha"] = [("qt-dong-luong", "Đông Lương", "ward"), ("qt-dong-le", "Đông Lễ", "ward"), ("qt-dong-giang", "Đông Giang", "ward"),
            ("qt-dong-thanh", "Đông Thanh", "ward"), ("qt-dong-loi", "Đông Lợi", "ward")],
        [CamLo] = [("qt-cam-chinh", "Cam Chính", "commune"), ("qt-cam-nghia", "Cam Nghĩa", "commune"), (Successor, "Cam Hiếu", "commune"),
            ("qt-cam-thanh", "Cam Thành", "commune"), (MergedCommune, "Cam Tuyền", "commune")],
        ["qt-gio-linh"] = [("qt-gio-mai", "Gio Mai", "commune"), ("qt-gio-hai", "Gio Hải", "commune"), ("qt-gio-quang", "Gio Quang", "commune"),
            ("qt-gio-son", "Gio Sơn", "commune"), ("qt-cua-viet", "Cửa Việt", "township")],
        ["qt-hai-lang"] = [("qt-hai-phu", "Hải Phú", "commune"), ("qt-hai-thuong", "Hải Thượng", "commune"), ("qt-hai-quy", "Hải Quy", "commune"),
            ("qt-hai-dinh", "Hải Định", "commune"), ("qt-dien-sanh", "Diên Sanh", "township")],
    };

    public static IReadOnlyList<Locality> All()
    {
        var rows = new List<Locality> { new(Province, "Quảng Trị", "province", "province", null, Since) };
        foreach (var district in Districts)
        {
            rows.Add(new Locality(district.Code, district.Name, "district", district.UnitType, Province, Since));
            foreach (var (code, name, unitType) in CommunesOf[district.Code])
            {
                rows.Add(code == MergedCommune
                    ? new Locality(code, name, "commune", unitType, district.Code, Since, MergedOn, Successor)
                    : new Locality(code, name, "commune", unitType, district.Code, Since));
            }
        }

        return rows;
    }

    /// <summary>"phường Đông Lương", "xã Cam Chính", "thị trấn Cửa Việt": how an organisation's name says where it is.</summary>
    public static string InName(Locality commune) => commune.UnitType switch
    {
        "ward" => "phường " + commune.Name,
        "township" => "thị trấn " + commune.Name,
        _ => "xã " + commune.Name,
    };
}
