using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// What organisations did in each of the three assessment years 2024–2026 while they were active
/// (up to five activities a year; one organisation in ten did nothing in a year, which the report
/// points out), and the guiding documents each Party committee issued (most communes one or two a
/// year, provinces a handful), which have no organisation.
/// </summary>
internal static class NationActivityWriter
{
    private const int Stream = 2;

    private static readonly (string Kind, int Weight)[] Kinds =
    [
        ("consultation", 15), ("supervision", 20), ("social_criticism", 15), ("seminar", 10),
        ("charity", 20), ("dialogue", 10), ("emulation_model", 10),
    ];

    private static readonly int[] Years = [2024, 2025, 2026];

    public static long Write(NpgsqlConnection connection, IReadOnlyList<NationOrganization> organizations, IReadOnlyList<NationLocality> localities, int seed)
    {
        long id = 0;
        using var copy = connection.BeginBinaryImport(
            "COPY activities (id, code, organization_id, locality_id, held_on, kind, title, value_vnd) FROM STDIN (FORMAT BINARY)");
        foreach (var o in organizations)
        {
            var random = NationSeed.For(seed, Stream, o.Id);
            foreach (var year in Years)
            {
                var (from, to) = Window(year);
                from = Math.Max(from, o.FoundedOn);
                to = Math.Min(to, (o.DissolvedOn ?? int.MaxValue) - 1);
                var count = random.NextDouble() < 0.1 ? 0 : 1 + random.Next(5);
                for (var k = 0; k < count && from <= to; k++)
                {
                    var kind = Kind(random);
                    long? value = kind == "charity" ? Money(random, o.Scope) : null;
                    Row(copy, ++id, o.Id, o.Locality.Id, NationCalendar.Between(random, from, to), kind, ActivityTitles.Pick(random, kind), value);
                }
            }
        }

        foreach (var locality in localities)
        {
            var random = NationSeed.For(seed, Stream, -locality.Id);
            foreach (var year in Years)
            {
                var (from, to) = Window(year);
                var count = locality.Level == "province" ? 3 + random.Next(4) : random.NextDouble() < 0.08 ? 0 : 1 + random.Next(2);
                for (var k = 0; k < count; k++)
                {
                    Row(copy, ++id, null, locality.Id, NationCalendar.Between(random, from, to), "guiding_document",
                        ActivityTitles.Pick(random, "guiding_document"), null);
                }
            }
        }

        copy.Complete();
        return id;
    }

    /// <summary>Assessment year N: (31 August N−1, 31 August N].</summary>
    private static (int From, int To) Window(int year) => (NationCalendar.Day(year - 1, 8, 31) + 1, NationCalendar.Day(year, 8, 31));

    private static string Kind(Random random)
    {
        var pick = random.Next(Kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in Kinds)
        {
            if ((pick -= weight) < 0)
            {
                return kind;
            }
        }

        return Kinds[^1].Kind;
    }

    /// <summary>Charitable support in VND, in hundreds of thousands: millions in a commune, up to billions in a province.</summary>
    private static long Money(Random random, string scope) =>
        100_000L * (scope == "province" ? random.Next(500, 50_000) : random.Next(50, 5_000));

    private static void Row(NpgsqlBinaryImporter copy, long id, int? organization, int locality, int day, string kind, string title, long? value)
    {
        copy.StartRow();
        copy.Write(id, NpgsqlDbType.Bigint);
        copy.Write(string.Create(CultureInfo.InvariantCulture, $"vn-act-{id:D7}"), NpgsqlDbType.Text);
        if (organization is { } o)
        {
            copy.Write((long)o, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }

        copy.Write((long)locality, NpgsqlDbType.Bigint);
        copy.Write(NationCalendar.Text(day), NpgsqlDbType.Text);
        copy.Write(kind, NpgsqlDbType.Text);
        copy.Write(title, NpgsqlDbType.Text);
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
