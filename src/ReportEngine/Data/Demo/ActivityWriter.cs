using System.Text;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>
/// Writes what organisations did during two assessment years (1 Sep 2022 – 31 Aug 2023 and
/// 1 Sep 2023 – 31 Aug 2024), and the guiding documents of each locality's Party committee.
/// Province charity bodies give billions, commune branches millions: together hundreds of
/// billions of VND a year, as the report says.
/// </summary>
internal sealed class ActivityWriter(Random random) : IDisposable
{
    private static readonly (int From, int To)[] Years =
    [
        (DemoCalendar.ActivitiesFrom.DayNumber, DemoCalendar.AsOf2023.DayNumber),
        (DemoCalendar.AsOf2023.DayNumber + 1, DemoCalendar.AsOf2024.DayNumber),
    ];

    private PreparedInsert? insert;

    public int Written { get; private set; }

    public void Write(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DemoOrganization> organizations, DemoLocalities localities)
    {
        insert = new PreparedInsert(connection, transaction, "activities", "code", "organization_id", "locality_id", "held_on", "kind", "title", "value_vnd");
        for (var year = 0; year < Years.Length; year++)
        {
            foreach (var organization in organizations)
            {
                WriteOrganization(organization, year);
            }

            WriteGuidingDocuments(localities, year);
        }
    }

    public void Dispose() => insert?.Dispose();

    private void WriteOrganization(DemoOrganization o, int year)
    {
        var isCurrentYear = year == Years.Length - 1;
        var from = Math.Max(Years[year].From, o.FoundedOn);
        var to = Math.Min(Years[year].To, o.LastDay);
        if (from > to || (o.Idle && isCurrentYear))
        {
            return;
        }

        var advisory = o.Field is "science" or "professional" or "economic";
        var givesMoney = o.Field is "charity" or "social" or "health";
        switch (o.Scope)
        {
            case "province":
                Add(o, from, to, "consultation", advisory ? random.Next(1, 4) : 0);
                Add(o, from, to, "supervision", advisory ? random.Next(1, 3) : random.Next(0, 2));
                Add(o, from, to, "social_criticism", advisory ? random.Next(1, 3) : 0);
                Add(o, from, to, "seminar", o.Field is "science" or "health" or "professional" ? random.Next(1, 4) : random.Next(0, 2));
                Add(o, from, to, "charity", o.Field == "charity" ? random.Next(3, 11) : givesMoney ? random.Next(1, 4) : 0);
                Add(o, from, to, "emulation_model", random.Next(0, 3));
                Add(o, from, to, "dialogue", random.Next(0, 2));
                break;
            case "district":
                Add(o, from, to, "consultation", advisory ? random.Next(0, 2) : 0);
                Add(o, from, to, "supervision", random.Next(0, 2));
                Add(o, from, to, "social_criticism", advisory ? random.Next(0, 2) : 0);
                Add(o, from, to, "seminar", o.Field is "health" or "professional" ? random.Next(0, 2) : 0);
                Add(o, from, to, "charity", o.Field == "charity" ? random.Next(2, 5) : givesMoney ? random.Next(0, 2) : 0);
                Add(o, from, to, "emulation_model", random.Next(0, 2));
                Add(o, from, to, "dialogue", random.Next(0, 2));
                break;
            default:
                Add(o, from, to, "supervision", random.Next(0, 2));
                Add(o, from, to, "charity", givesMoney ? random.Next(1, 3) : 0);
                Add(o, from, to, "emulation_model", random.Next(0, 2));
                // Every commune organisation does at least something each year unless it is idle.
                Add(o, from, to, "dialogue", givesMoney ? random.Next(0, 2) : 1);
                break;
        }
    }

    /// <summary>Each Party committee issues guiding documents every year; a few communes did not in 2024, so the 100% target is missed.</summary>
    private void WriteGuidingDocuments(DemoLocalities localities, int year)
    {
        var isCurrentYear = year == Years.Length - 1;
        foreach (var locality in localities.ExistingIn2024)
        {
            var count = locality.Level == "commune" ? random.Next(1, 3) : random.Next(2, 5);
            if (isCurrentYear && locality.Level == "commune" && random.Next(20) == 0)
            {
                count = 0;
            }

            for (var i = 0; i < count; i++)
            {
                Insert(null, locality.Id, DemoCalendar.Between(random, Years[year].From, Years[year].To), "guiding_document", null);
            }
        }
    }

    private void Add(DemoOrganization o, int from, int to, string kind, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Insert(o.Id, o.Locality.Id, DemoCalendar.Between(random, from, to), kind, kind == "charity" ? CharityValue(o) : null);
        }
    }

    private void Insert(int? organizationId, int localityId, int heldOn, string kind, long? valueVnd)
    {
        insert!.Execute(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"hd-{Written + 1:D6}"), organizationId, localityId, DemoCalendar.Text(heldOn), kind,
            ActivityTitles.Pick(random, kind).Normalize(NormalizationForm.FormC), valueVnd);
        Written++;
    }

    /// <summary>In VND, rounded to 100,000 as donations are reported.</summary>
    private long CharityValue(DemoOrganization o)
    {
        var (from, to) = (o.Scope, o.Field) switch
        {
            ("province", "charity") => (300_000_000L, 6_000_000_000L),
            ("province", _) => (100_000_000L, 1_500_000_000L),
            ("district", "charity") => (50_000_000L, 600_000_000L),
            ("district", _) => (20_000_000L, 200_000_000L),
            _ => (3_000_000L, 80_000_000L),
        };
        return (from + (long)(random.NextDouble() * (to - from))) / 100_000 * 100_000;
    }
}
