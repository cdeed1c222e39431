namespace ReportEngine.Benchmarks;

/// <summary>One organisation of the benchmark's province (in-memory, deterministic).</summary>
internal sealed record Organization(int Id, string Name, string Scope, string Kind, string District, int Members, string Type);

/// <summary>A membership-rate target with its actual rate.</summary>
internal sealed record Target(string Name, double TargetRate, double ActualRate);

/// <summary>
/// The benchmark content of bench-workloads: 1,392 organisations of Bình Thuận (65 province-level = 14 assigned
/// + 51 voluntary, 124 district-level, 1,203 commune-level), 440,532 members, five targets. Fixed seed.
/// </summary>
internal static class SampleData
{
    public static readonly DateTimeOffset ReportDate = new(2024, 12, 31, 0, 0, 0, TimeSpan.FromHours(7));

    public static readonly string[] Districts =
    [
        "Thành phố Phan Thiết", "Thị xã La Gi", "Huyện Tuy Phong", "Huyện Bắc Bình", "Huyện Hàm Thuận Bắc",
        "Huyện Hàm Thuận Nam", "Huyện Tánh Linh", "Huyện Đức Linh", "Huyện Hàm Tân", "Huyện Phú Quý",
    ];

    public static readonly string[] Types =
    [
        "Hội Nông dân", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Liên đoàn Lao động", "Đoàn Thanh niên",
        "Hội Chữ thập đỏ", "Hội Người cao tuổi", "Hội Khuyến học", "Hội Luật gia", "Hội Văn học Nghệ thuật",
    ];

    private static readonly string[] Places =
    [
        "Phú Long", "Hàm Đức", "Hồng Sơn", "Mương Mán", "Tân Thành", "Thuận Quý", "Đức Nghĩa", "Lạc Đạo",
        "Bình Hưng", "Phú Tài", "Xuân An", "Thanh Hải", "Phong Nẫm", "Tiến Lợi", "Hàm Tiến", "Mũi Né",
        "Liên Hương", "Phan Rí Cửa", "Chợ Lầu", "Lương Sơn", "Ma Lâm", "Thuận Nam", "Lạc Tánh", "Võ Xu",
    ];

    public static readonly Target[] Targets =
    [
        new("Nông dân", 0.86, 0.874), new("Cựu chiến binh", 0.98, 0.962), new("Phụ nữ", 0.75, 0.781),
        new("Lao động", 0.95, 0.931), new("Thanh niên", 0.725, 0.744),
    ];

    public static IReadOnlyList<Organization> Organizations { get; } = Build();

    private static List<Organization> Build()
    {
        var random = new Random(20240901);
        var list = new List<Organization>(1392);
        for (var i = 0; i < 1392; i++)
        {
            var (scope, kind) = i switch
            {
                < 14 => ("Tỉnh", "Được giao nhiệm vụ"),
                < 65 => ("Tỉnh", "Tự nguyện"),
                < 189 => ("Huyện", "Tự nguyện"),
                _ => ("Xã", "Tự nguyện"),
            };
            var type = Types[random.Next(Types.Length)];
            var district = Districts[random.Next(Districts.Length)];
            var place = Places[random.Next(Places.Length)];
            var name = scope switch
            {
                "Tỉnh" => $"{type} tỉnh Bình Thuận" + (i >= Types.Length ? $" (chi hội {i + 1})" : ""),
                "Huyện" => $"{type} {district}",
                _ => $"{type} xã {place}",
            };
            list.Add(new Organization(i + 1, name, scope, kind, district, 0, type));
        }

        // Members: 440,532 in total, spread deterministically and unevenly.
        var weights = list.Select(_ => 0.2 + random.NextDouble()).ToArray();
        var sum = weights.Sum();
        var members = weights.Select(w => (int)(440_532 * w / sum)).ToArray();
        members[0] += 440_532 - members.Sum();
        return list.Select((o, i) => o with { Members = members[i] }).ToList();
    }
}
