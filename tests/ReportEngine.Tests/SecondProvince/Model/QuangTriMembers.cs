using System.Globalization;

namespace ReportEngine.Tests.SecondProvince.Model;

/// <summary>
/// Members: a random roll for each organisation, members joining and leaving exactly on the as-of
/// dates and the day after, and two organisations whose 2024 decline sits on either side of 20%.
/// </summary>
public static class QuangTriMembers
{
    public const string EdgeDates = "Hội Khuyến học tỉnh Quảng Trị";
    public static readonly DateOnly DataAsOf = new(2024, 8, 31);

    public static IReadOnlyList<Member> All(IReadOnlyList<Organization> organizations, Random random)
    {
        var list = new List<Member>();
        void Add(Organization organization, DateOnly joined, DateOnly? left = null) =>
            list.Add(new Member("qt-m" + (list.Count + 1).ToString("00000", CultureInfo.InvariantCulture), organization.Code,
                random.Next(2) == 0 ? "female" : "male", random.Next(1940, 2005), joined, left));

        foreach (var organization in organizations)
        {
            switch (organization.Name)
            {
                case QuangTriOrganizations.SharpDecline:
                    Decline(organization, before: 40, leaving: 10, joining: 0);
                    break;
                case QuangTriOrganizations.DeclineOnThreshold:
                    Decline(organization, before: 50, leaving: 11, joining: 1);
                    break;
                default:
                    Roll(organization);
                    break;
            }

            if (organization.Name == EdgeDates)
            {
                foreach (var day in new DateOnly[] { new(2023, 8, 31), new(2023, 9, 1), new(2024, 8, 31) })
                {
                    Add(organization, joined: day);
                    Add(organization, joined: new DateOnly(2010, 5, 1), left: day);
                }
            }
        }

        return list;

        void Roll(Organization organization)
        {
            var size = organization.Scope switch { "province" => random.Next(60, 200), "district" => random.Next(30, 120), _ => random.Next(12, 80) };
            var settled = organization.FoundedOn < new DateOnly(2020, 8, 31) ? new DateOnly(2020, 8, 31) : DataAsOf;
            for (var i = 0; i < size; i++)
            {
                var joined = QuangTriOrganizations.RandomDay(random, organization.FoundedOn, random.Next(4) == 0 ? DataAsOf : settled);
                DateOnly? left = joined < DataAsOf && random.Next(10) == 0 ? QuangTriOrganizations.RandomDay(random, joined.AddDays(1), DataAsOf) : null;
                Add(organization, joined, left);
            }
        }

        // `before` members on 31 Aug 2023; in the following year `leaving` of them leave (the first on
        // 1 Sep 2023, the last on 31 Aug 2024) and `joining` join on 31 Aug 2024.
        void Decline(Organization organization, int before, int leaving, int joining)
        {
            for (var i = 0; i < before; i++)
            {
                var joined = QuangTriOrganizations.RandomDay(random, organization.FoundedOn, new DateOnly(2020, 8, 31));
                DateOnly? left = i >= leaving ? null
                    : i == 0 ? new DateOnly(2023, 9, 1)
                    : i == 1 ? DataAsOf
                    : QuangTriOrganizations.RandomDay(random, new DateOnly(2023, 9, 2), new DateOnly(2024, 8, 30));
                Add(organization, joined, left);
            }

            for (var i = 0; i < joining; i++)
            {
                Add(organization, DataAsOf);
            }
        }
    }
}
