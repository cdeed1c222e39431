namespace ReportEngine.Tests.SecondProvince.Model;

/// <summary>
/// The province's own resolution (not Bình Thuận's 04-NQ/TU), an older one for 2016–2020 that must
/// not be cited, and membership rates on and just below their targets.
/// </summary>
public static class QuangTriTargets
{
    public const string ResolutionNumber = "12-NQ/TU";
    public const string Resolution = "Nghị quyết số 12-NQ/TU ngày 05/3/2021 của Ban Thường vụ Tỉnh ủy Quảng Trị về công tác dân vận giai đoạn 2021-2025";
    private const string OldResolution = "Nghị quyết số 07-NQ/TU ngày 12/4/2016 của Ban Thường vụ Tỉnh ủy Quảng Trị về công tác dân vận giai đoạn 2016-2020";

    public static IReadOnlyList<Target> All()
    {
        const string province = QuangTriLocalities.Province;
        Target Current(string indicator, decimal value, string unit) =>
            new(province, indicator, 2021, 2025, value, unit, Resolution, ResolutionNumber, new DateOnly(2021, 3, 5));
        Target Old(string indicator, decimal value, string unit) =>
            new(province, indicator, 2016, 2020, value, unit, OldResolution, "07-NQ/TU", new DateOnly(2016, 4, 12));

        return
        [
            Current("membership_rate:farmers", 86m, "percent"),
            Current("membership_rate:veterans", 98m, "percent"),
            Current("membership_rate:women", 75m, "percent"),
            Current("membership_rate:workers", 95m, "percent"),
            Current("membership_rate:youth", 72.5m, "percent"),
            Current("supervision_contents_min", 20m, "count"),
            Current("social_criticism_contents_min", 15m, "count"),
            Current("thematic_dialogues_min", 60m, "count"),
            Current("guiding_documents_rate", 80m, "percent"),
            Old("membership_rate:women", 60m, "percent"),
            Old("membership_rate:youth", 50m, "percent"),
            Old("supervision_contents_min", 5m, "count"),
        ];
    }

    /// <summary>
    /// 2024: women exactly on the line (75,000 of 100,000 against 75%), youth on it only once rounded
    /// (72.49% prints 72.5% against 72.5%), workers just below (94.9% against 95%), farmers below after
    /// rounding (85.49% prints 85.5% against 86%). Cam Lộ has populations but no targets of its own.
    /// </summary>
    public static IReadOnlyList<EligiblePopulation> Populations() =>
    [
        new(QuangTriLocalities.Province, "farmers", 2024, 100_000, 85_490),
        new(QuangTriLocalities.Province, "veterans", 2024, 20_000, 19_700),
        new(QuangTriLocalities.Province, "women", 2024, 100_000, 75_000),
        new(QuangTriLocalities.Province, "workers", 2024, 10_000, 9_490),
        new(QuangTriLocalities.Province, "youth", 2024, 100_000, 72_490),
        new(QuangTriLocalities.Province, "farmers", 2023, 98_000, 82_320),
        new(QuangTriLocalities.Province, "veterans", 2023, 20_500, 19_475),
        new(QuangTriLocalities.Province, "women", 2023, 99_000, 73_260),
        new(QuangTriLocalities.Province, "workers", 2023, 9_800, 9_408),
        new(QuangTriLocalities.Province, "youth", 2023, 101_000, 70_700),
        new(QuangTriLocalities.CamLo, "women", 2024, 8_000, 6_100),
    ];

    public static IReadOnlyList<Committee> Committees() =>
    [
        new("qt-tu", "Ban Thường vụ Tỉnh ủy Quảng Trị", QuangTriLocalities.Province, "vi",
            ["vanphong@tinhuy.quangtri.example.vn", "bandanvan@tinhuy.quangtri.example.vn"], ["lanhdao@tinhuy.quangtri.example.vn"]),
        .. QuangTriLocalities.Districts.Select(d => new Committee(d.Code + "-hu", "Ban Thường vụ " + (d.UnitType == "city" ? "Thành ủy " : "Huyện ủy ") + d.Name,
            d.Code, "vi", [d.Code + "@quangtri.example.vn"], [])),
    ];
}
