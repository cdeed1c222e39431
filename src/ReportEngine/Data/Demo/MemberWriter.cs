using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>
/// Writes one row per member so that each organisation has exactly its planned size on
/// 31 August 2024, while joins and departures during the assessment year give the 2023
/// figures and the year-on-year change.
/// </summary>
internal sealed class MemberWriter(Random random) : IDisposable
{
    private static readonly int AsOf2023 = DemoCalendar.AsOf2023.DayNumber;
    private static readonly int AsOf2024 = DemoCalendar.AsOf2024.DayNumber;
    private static readonly int LastJoin = new DateOnly(2025, 6, 30).DayNumber;

    private PreparedInsert? insert;

    public int Written { get; private set; }

    public void Write(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<DemoOrganization> organizations)
    {
        insert = new PreparedInsert(connection, transaction, "members", "code", "organization_id", "gender", "birth_year", "joined_on", "left_on");
        foreach (var organization in organizations)
        {
            WriteOrganization(organization);
        }
    }

    public void Dispose() => insert?.Dispose();

    private void WriteOrganization(DemoOrganization o)
    {
        var people = new People(o, random.NextDouble() * 0.4 + 0.3, BirthYears(o.Name));
        var n = o.Members;
        switch (o.Trend)
        {
            case MembershipTrend.Outside when o.DissolvedOn is { } dissolved:
                // Everyone leaves on the day the organisation is dissolved.
                Add(people, n, o.FoundedOn, Math.Min(dissolved - 1, AsOf2023), leftFrom: dissolved, leftTo: dissolved);
                return;
            case MembershipTrend.Outside:
                Add(people, n, o.FoundedOn, Math.Min(o.LastDay, LastJoin));
                return;
            case MembershipTrend.New:
                Add(people, n, o.FoundedOn, AsOf2024);
                break;
            default:
                var declining = o.Trend == MembershipTrend.Declining;
                var joined = (int)Math.Round(n * (declining ? 0.02 : Fraction(0.03, 0.12)));
                var left = (int)Math.Round(n * (declining ? Fraction(0.35, 0.6) : Fraction(0.02, 0.08)));
                var leftLongAgo = (int)Math.Round(n * Fraction(0, 0.05));
                Add(people, n - joined, o.FoundedOn, AsOf2023);
                Add(people, joined, AsOf2023 + 1, AsOf2024);
                Add(people, left, o.FoundedOn, AsOf2023, leftFrom: AsOf2023 + 1, leftTo: AsOf2024);
                AddLeftLongAgo(people, leftLongAgo, o.FoundedOn);
                break;
        }

        // A few join after the report's date and must not change its figures.
        Add(people, random.Next(0, n / 50 + 1), AsOf2024 + 1, Math.Min(o.LastDay, LastJoin));
    }

    private void Add(People people, int count, int joinFrom, int joinTo, int? leftFrom = null, int? leftTo = null)
    {
        for (var i = 0; i < count; i++)
        {
            var joined = DemoCalendar.Between(random, joinFrom, joinTo);
            var left = leftFrom is { } from && leftTo is { } to ? DemoCalendar.Text(DemoCalendar.Between(random, from, to)) : null;
            Insert(people, joined, left);
        }
    }

    private void AddLeftLongAgo(People people, int count, int foundedOn)
    {
        for (var i = 0; i < count; i++)
        {
            var joined = DemoCalendar.Between(random, foundedOn, AsOf2023 - 1);
            Insert(people, joined, DemoCalendar.Text(DemoCalendar.Between(random, joined + 1, AsOf2023)));
        }
    }

    private void Insert(People people, int joinedOn, string? leftOn)
    {
        // A card number of the demo's own: unique, stable, and drawn from no random number, so the figures stay as they were.
        insert!.Execute(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"hv-{Written + 1:D6}"),
            people.Organization.Id,
            random.NextDouble() < people.FemaleShare ? "female" : "male",
            random.Next(people.BirthYears.From, people.BirthYears.To + 1),
            DemoCalendar.Text(joinedOn),
            leftOn);
        Written++;
    }

    private double Fraction(double from, double to) => from + random.NextDouble() * (to - from);

    /// <summary>Associations of the elderly, retirees and veterans of one kind or another are old; young entrepreneurs are young.</summary>
    private static (int From, int To) BirthYears(string name) =>
        name.Contains("cao tuổi", StringComparison.Ordinal) || name.Contains("Hưu trí", StringComparison.Ordinal)
            || name.Contains("Cựu", StringComparison.Ordinal) ? (1935, 1964)
        : name.Contains("Doanh nhân trẻ", StringComparison.Ordinal) ? (1984, 2000)
        : (1950, 2002);

    private sealed record People(DemoOrganization Organization, double FemaleShare, (int From, int To) BirthYears);
}
