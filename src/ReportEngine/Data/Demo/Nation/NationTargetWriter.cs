using Npgsql;
using NpgsqlTypes;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// Every province's resolution on mass mobilisation sets the same targets for itself and each of its
/// communes, for 2021–2025 and, after the 2025 congresses, 2026–2030 (the membership rates are those
/// of Nghệ An's Resolution 04-NQ/TU, see domain.md). Eligible populations and members of the
/// socio-political organisations for 2024–2026 per commune by its weight; a province's row is the sum
/// of its communes'. Rates sit around the targets, so some communes reach them and some do not.
/// </summary>
internal static class NationTargetWriter
{
    private const int Stream = 3;

    private static readonly (string Indicator, float Value, string Unit)[] Targets =
    [
        ("membership_rate:farmers", 86, "percent"),
        ("membership_rate:veterans", 98, "percent"),
        ("membership_rate:women", 75, "percent"),
        ("membership_rate:workers", 95, "percent"),
        ("membership_rate:youth", 72.5f, "percent"),
        ("supervision_contents_min", 2, "count"),
        ("social_criticism_contents_min", 2, "count"),
        ("thematic_dialogues_min", 1, "count"),
        ("guiding_documents_rate", 100, "percent"),
        ("recommendations_answered_rate", 100, "percent"),
    ];

    private static readonly (int From, int To, string Number, string Date, string Day)[] Periods =
    [
        (2021, 2025, "04-NQ/TU", "2021-11-19", "19/11/2021"),
        (2026, 2030, "02-NQ/TU", "2025-12-15", "15/12/2025"),
    ];

    /// <summary>Eligible people per unit of commune weight, and the rate reached on average (percent).</summary>
    private static readonly (string Group, int Eligible, double Rate)[] Groups =
    [
        ("farmers", 3_800, 86.5), ("veterans", 320, 98.2), ("women", 6_900, 76.0), ("workers", 1_100, 93.8), ("youth", 4_500, 70.5),
    ];

    private static readonly int[] Years = [2024, 2025, 2026];

    public static long WriteTargets(NpgsqlConnection connection, IReadOnlyList<NationLocality> localities)
    {
        long rows = 0;
        using var copy = connection.BeginBinaryImport(
            "COPY targets (id, locality_id, indicator, period_from, period_to, target_value, unit, resolution, resolution_number, resolution_date) FROM STDIN (FORMAT BINARY)");
        foreach (var locality in localities)
        {
            foreach (var (from, to, number, date, day) in Periods)
            {
                var resolution = $"Nghị quyết số {number} ngày {day} của Ban Thường vụ {(locality.Province.UnitType == "city" ? "Thành ủy" : "Tỉnh ủy")} {locality.Province.Name}";
                foreach (var (indicator, value, unit) in Targets)
                {
                    copy.StartRow();
                    copy.Write(++rows, NpgsqlDbType.Bigint);
                    copy.Write((long)locality.Id, NpgsqlDbType.Bigint);
                    copy.Write(indicator, NpgsqlDbType.Text);
                    copy.Write((long)from, NpgsqlDbType.Bigint);
                    copy.Write((long)to, NpgsqlDbType.Bigint);
                    copy.Write(value, NpgsqlDbType.Real);
                    copy.Write(unit, NpgsqlDbType.Text);
                    copy.Write(resolution, NpgsqlDbType.Text);
                    copy.Write(number, NpgsqlDbType.Text);
                    copy.Write(date, NpgsqlDbType.Text);
                }
            }
        }

        copy.Complete();
        return rows;
    }

    public static long WriteEligiblePopulations(NpgsqlConnection connection, IReadOnlyList<NationLocality> localities, int seed)
    {
        long rows = 0;
        var provinceTotals = new Dictionary<(int Province, string Group, int Year), (long Eligible, long Members)>();
        using var copy = connection.BeginBinaryImport(
            "COPY eligible_populations (locality_id, group_code, year, eligible_count, member_count) FROM STDIN (FORMAT BINARY)");
        foreach (var commune in localities.Where(l => l.Level == "commune"))
        {
            var random = NationSeed.For(seed, Stream, commune.Id);
            foreach (var (group, eligiblePerWeight, rate) in Groups)
            {
                // Each commune sits a fixed distance from the average and improves by about a point a year.
                var offset = (random.NextDouble() - 0.5) * (group == "veterans" ? 2 : 8);
                foreach (var year in Years)
                {
                    var eligible = Math.Max(1, (long)(eligiblePerWeight * commune.Weight * (1 + 0.01 * (year - 2026))));
                    var members = Math.Min(eligible, (long)Math.Round(eligible * (rate + offset + (year - 2026)) / 100));
                    Row(copy, commune.Id, group, year, eligible, members);
                    rows++;
                    var key = (commune.Province.Id, group, year);
                    var total = provinceTotals.GetValueOrDefault(key);
                    provinceTotals[key] = (total.Eligible + eligible, total.Members + members);
                }
            }
        }

        foreach (var ((province, group, year), (eligible, members)) in provinceTotals.OrderBy(t => t.Key.Province))
        {
            Row(copy, province, group, year, eligible, members);
            rows++;
        }

        copy.Complete();
        return rows;
    }

    private static void Row(NpgsqlBinaryImporter copy, int locality, string group, int year, long eligible, long members)
    {
        copy.StartRow();
        copy.Write((long)locality, NpgsqlDbType.Bigint);
        copy.Write(group, NpgsqlDbType.Text);
        copy.Write((long)year, NpgsqlDbType.Bigint);
        copy.Write(eligible, NpgsqlDbType.Bigint);
        copy.Write(members, NpgsqlDbType.Bigint);
    }
}
