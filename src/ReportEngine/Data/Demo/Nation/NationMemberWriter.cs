using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// Member rows, organisation by organisation (so a report's members lie together on disk), with
/// history: members join from the organisation's founding on, about a quarter leave again, everyone
/// has left by a dissolution, and a declining organisation loses some 45% of its members in the last
/// assessment year. Offices that keep only totals get a count on every 31 August instead.
/// </summary>
internal static class NationMemberWriter
{
    private const int Stream = 1;

    /// <returns>Member rows and member_counts rows written.</returns>
    public static (long Members, long Counts) Write(NpgsqlConnection connection, IReadOnlyList<NationOrganization> organizations, int seed)
    {
        long id = 0;
        using (var copy = connection.BeginBinaryImport(
            "COPY members (id, code, organization_id, gender, birth_year, joined_on, left_on) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var o in organizations.Where(o => !o.CountsOnly))
            {
                var random = NationSeed.For(seed, Stream, o.Id);
                var femaleShare = 0.3 + random.NextDouble() * 0.4;
                var (bornFrom, bornTo) = o.Name.Contains("cao tuổi", StringComparison.Ordinal) || o.Name.Contains("Hưu trí", StringComparison.Ordinal)
                    || o.Name.Contains("Cựu", StringComparison.Ordinal) ? (1935, 1966) : (1950, 2006);
                var lastJoin = (o.DissolvedOn ?? NationCalendar.End + 1) - 1;
                for (var k = 0; k < o.Members; k++)
                {
                    var joined = NationCalendar.Between(random, o.FoundedOn, lastJoin);
                    var left = LeftOn(random, o, joined);
                    copy.StartRow();
                    copy.Write(++id, NpgsqlDbType.Bigint);
                    copy.Write(string.Create(CultureInfo.InvariantCulture, $"vn-{id:D8}"), NpgsqlDbType.Text);
                    copy.Write((long)o.Id, NpgsqlDbType.Bigint);
                    copy.Write(random.NextDouble() < femaleShare ? "female" : "male", NpgsqlDbType.Text);
                    copy.Write((long)random.Next(bornFrom, bornTo + 1), NpgsqlDbType.Bigint);
                    copy.Write(NationCalendar.Text(joined), NpgsqlDbType.Text);
                    if (left is { } day)
                    {
                        copy.Write(NationCalendar.Text(day), NpgsqlDbType.Text);
                    }
                    else
                    {
                        copy.WriteNull();
                    }
                }
            }

            copy.Complete();
        }

        return (id, WriteCounts(connection, organizations, seed));
    }

    private static int? LeftOn(Random random, NationOrganization o, int joined)
    {
        int? left = null;
        if (o.Declining && joined <= NationCalendar.AsOf2025 && random.NextDouble() < 0.45)
        {
            left = NationCalendar.Between(random, NationCalendar.AsOf2025 + 1, NationCalendar.AsOf2026);
        }
        else if (random.NextDouble() < 0.25)
        {
            left = NationCalendar.Between(random, joined, o.DissolvedOn ?? NationCalendar.End);
        }

        // Nobody stays on in a dissolved organisation.
        return o.DissolvedOn is { } dissolved && (left is null || left > dissolved) ? dissolved : left;
    }

    /// <summary>A total on 31 August of every year the organisation existed (from 2019), growing a little, falling for a declining one.</summary>
    private static long WriteCounts(NpgsqlConnection connection, IReadOnlyList<NationOrganization> organizations, int seed)
    {
        long rows = 0;
        using var copy = connection.BeginBinaryImport("COPY member_counts (organization_id, counted_on, members) FROM STDIN (FORMAT BINARY)");
        foreach (var o in organizations.Where(o => o.CountsOnly))
        {
            var random = NationSeed.For(seed, Stream, o.Id);
            for (var year = 2019; year <= 2026; year++)
            {
                var day = NationCalendar.Day(year, 8, 31);
                if (day <= o.FoundedOn || (o.DissolvedOn is { } dissolved && day >= dissolved))
                {
                    continue;
                }

                var factor = (1 + 0.03 * (year - 2026)) * (0.95 + 0.1 * random.NextDouble()) * (o.Declining && year == 2026 ? 0.55 : 1);
                copy.StartRow();
                copy.Write((long)o.Id, NpgsqlDbType.Bigint);
                copy.Write(NationCalendar.Text(day), NpgsqlDbType.Text);
                copy.Write((long)Math.Round(o.Members * factor), NpgsqlDbType.Bigint);
                rows++;
            }
        }

        copy.Complete();
        return rows;
    }
}
