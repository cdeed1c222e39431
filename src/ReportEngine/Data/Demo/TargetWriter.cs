using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>
/// The targets of Resolution No. 04-NQ/TU for 2021–2025, for the province and each district,
/// and the socio-political organisations' membership against the population eligible to join,
/// for 2023 and 2024. Farmers, veterans and women beat their targets; workers and youth fall short.
/// </summary>
internal static class TargetWriter
{
    public const string Resolution = "Nghị quyết số 04-NQ/TU ngày 19/11/2021 của Ban Thường vụ Tỉnh ủy";

    /// <summary>The resolution's number and date, from which the reports cite it in every language.</summary>
    public const string ResolutionNumber = "04-NQ/TU";

    public const string ResolutionDate = "2021-11-19";

    private static readonly (string Indicator, double Value, string Unit)[] Targets =
    [
        ("membership_rate:farmers", 86, "percent"),
        ("membership_rate:veterans", 98, "percent"),
        ("membership_rate:women", 75, "percent"),
        ("membership_rate:workers", 95, "percent"),
        ("membership_rate:youth", 72.5, "percent"),
        ("supervision_contents_min", 2, "count"),
        ("social_criticism_contents_min", 2, "count"),
        ("thematic_dialogues_min", 1, "count"),
        ("guiding_documents_rate", 100, "percent"),
        ("recommendations_answered_rate", 100, "percent"),
    ];

    /// <summary>Province-wide eligible population in 2024 and the membership rate reached in 2023 and 2024 (percent).</summary>
    private static readonly (string Group, int Eligible2024, double Rate2023, double Rate2024)[] Groups =
    [
        ("farmers", 215_000, 85.2, 87.1),
        ("veterans", 19_800, 98.1, 98.6),
        ("women", 372_000, 75.2, 76.4),
        ("workers", 58_500, 92.8, 93.5),
        ("youth", 246_000, 67.1, 68.0),
    ];

    /// <summary>Rough population weights of the ten districts, in catalogue order.</summary>
    private static readonly int[] DistrictWeights = [230, 110, 150, 125, 180, 105, 105, 130, 80, 30];

    public static int Write(SqliteConnection connection, SqliteTransaction transaction, DemoLocalities localities, Random random)
    {
        using var target = new PreparedInsert(connection, transaction, "targets",
            "locality_id", "indicator", "period_from", "period_to", "target_value", "unit", "resolution", "resolution_number", "resolution_date");
        var rows = 0;
        foreach (var locality in (IEnumerable<DemoLocality>)[localities.Province, .. localities.Districts])
        {
            foreach (var (indicator, value, unit) in Targets)
            {
                target.Execute(locality.Id, indicator, 2021, 2025, value, unit, Resolution, ResolutionNumber, ResolutionDate);
                rows++;
            }
        }

        WriteEligiblePopulations(connection, transaction, localities, random);
        return rows;
    }

    /// <summary>
    /// Each district sits a fixed distance from the province's rate in both years, so the trend is
    /// the province's; the province row is the sum of its districts.
    /// </summary>
    private static void WriteEligiblePopulations(SqliteConnection connection, SqliteTransaction transaction, DemoLocalities localities, Random random)
    {
        using var insert = new PreparedInsert(connection, transaction, "eligible_populations",
            "locality_id", "group_code", "year", "eligible_count", "member_count");
        var totalWeight = DistrictWeights.Sum();
        foreach (var (group, eligible2024, rate2023, rate2024) in Groups)
        {
            var spread = group == "veterans" ? 0.8 : 3.0;
            var offsets = localities.Districts.Select(_ => (random.NextDouble() - 0.5) * spread).ToArray();
            foreach (var (year, rate, growth) in new[] { (2023, rate2023, 0.99), (2024, rate2024, 1.0) })
            {
                long provinceEligible = 0, provinceMembers = 0;
                for (var i = 0; i < localities.Districts.Count; i++)
                {
                    var eligible = (int)(eligible2024 * growth * DistrictWeights[i] / totalWeight);
                    var members = Math.Min(eligible, (int)Math.Round(eligible * (rate + offsets[i]) / 100));
                    insert.Execute(localities.Districts[i].Id, group, year, eligible, members);
                    provinceEligible += eligible;
                    provinceMembers += members;
                }

                insert.Execute(localities.Province.Id, group, year, provinceEligible, provinceMembers);
            }
        }
    }
}
