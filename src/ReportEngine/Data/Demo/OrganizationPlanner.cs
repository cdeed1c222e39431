namespace ReportEngine.Data.Demo;

/// <summary>
/// Plans every organisation of the demo: who exists where, since when, and how many members it
/// has, so that on 31 August 2024 the province counts exactly what its report published.
/// </summary>
internal sealed class OrganizationPlanner(Random random, DemoLocalities localities)
{
    public const int PublishedMembers = 440_532;
    public const int PublishedCommuneOrganizations = 1_203;

    private readonly List<DemoOrganization> organizations = [];

    public IReadOnlyList<DemoOrganization> Plan()
    {
        PlanProvince();
        PlanDistricts();
        PlanCommunes();
        Balance();
        MarkTrends();
        PlanExtras();
        if (organizations.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count() != organizations.Count)
        {
            throw new InvalidOperationException("The organisation plan produced duplicate codes.");
        }

        return organizations;
    }

    private void PlanProvince()
    {
        var province = localities.Province;
        foreach (var entry in ProvinceOrganizationCatalogue.Assigned.Concat(ProvinceOrganizationCatalogue.Voluntary))
        {
            var shortName = entry.Name.Replace(" tỉnh Bình Thuận", "", StringComparison.Ordinal).Replace(" Bình Thuận", "", StringComparison.Ordinal);
            var organization = Add(province.Code + "-" + Slug.From(shortName), entry.Name, entry.NameEn, entry.Kind, entry.Field, province);
            organization.FoundedOn = Day(1993, 2015);
            organization.Members = entry.Members > 0 ? entry.Members : random.Next(150, 1501);
        }
    }

    private void PlanDistricts()
    {
        for (var i = 0; i < localities.Districts.Count; i++)
        {
            var district = localities.Districts[i];
            foreach (var template in BranchOrganizationCatalogue.District.Take(BranchOrganizationCatalogue.DistrictCounts[i]))
            {
                AddBranch(template, district, Math.Max(1995, YearAfter(district)), 2018);
            }
        }
    }

    private void PlanCommunes()
    {
        var communes = localities.Communes;
        var templates = BranchOrganizationCatalogue.Commune;
        var counts = communes.Select(_ => random.Next(BranchOrganizationCatalogue.CommuneOrganizationsMin, templates.Count + 1)).ToArray();

        // Nudge random communes up or down until the province's published commune figure is met.
        while (counts.Sum() != PublishedCommuneOrganizations)
        {
            var i = random.Next(counts.Length);
            var step = counts.Sum() < PublishedCommuneOrganizations ? 1 : -1;
            if (counts[i] + step >= BranchOrganizationCatalogue.CommuneOrganizationsMin && counts[i] + step <= templates.Count)
            {
                counts[i] += step;
            }
        }

        for (var i = 0; i < communes.Count; i++)
        {
            foreach (var template in templates.Take(counts[i]))
            {
                AddBranch(template, communes[i], Math.Max(1997, YearAfter(communes[i])), 2021);
            }
        }
    }

    /// <summary>The provincial Association of the Elderly takes whatever size makes the total exact.</summary>
    private void Balance()
    {
        var balancing = organizations.Single(o => o.Name == ProvinceOrganizationCatalogue.BalancingName);
        var rest = organizations.Where(o => o != balancing).Sum(o => o.Members);
        balancing.Members = PublishedMembers - rest;
        if (balancing.Members is < 5_000 or > 90_000)
        {
            throw new InvalidOperationException($"The member sizes drawn leave {balancing.Members} for {balancing.Name}; adjust the catalogue's ranges.");
        }
    }

    private void MarkTrends()
    {
        var fromDay = new DateOnly(2023, 9, 15).DayNumber;
        var toDay = new DateOnly(2024, 7, 31).DayNumber;
        Named("Câu lạc bộ Lướt ván diều Bình Thuận").Trend = MembershipTrend.New;
        Named("Hiệp hội Điều Bình Thuận").Trend = MembershipTrend.Declining;
        Named("Hội Khoa học Lịch sử tỉnh Bình Thuận").Idle = true;
        Pick("district", 2, o => o.Trend = MembershipTrend.New);
        Pick("commune", 14, o => o.Trend = MembershipTrend.New);
        Pick("district", 2, o => o.Trend = MembershipTrend.Declining);
        Pick("commune", 6, o => o.Trend = MembershipTrend.Declining);
        Pick("district", 2, o => o.Idle = true);
        Pick("commune", 8, o => o.Idle = true);
        foreach (var organization in organizations.Where(o => o.Trend == MembershipTrend.New))
        {
            organization.FoundedOn = DemoCalendar.Between(random, fromDay, toDay);
        }
    }

    private void PlanExtras()
    {
        foreach (var entry in BranchOrganizationCatalogue.Extras)
        {
            var locality = localities[entry.LocalityCode];
            var organization = Add($"{locality.Code}-{Slug.From(entry.Prefix)}", $"{entry.Prefix} {locality.TitledName}",
                $"{entry.NameEn}, {locality.EnglishName}", entry.Kind, entry.Field, locality);
            organization.FoundedOn = DateOnly.Parse(entry.FoundedOn, System.Globalization.CultureInfo.InvariantCulture).DayNumber;
            organization.DissolvedOn = entry.DissolvedOn is null ? null : DateOnly.Parse(entry.DissolvedOn, System.Globalization.CultureInfo.InvariantCulture).DayNumber;
            organization.Members = entry.Members;
            organization.Trend = MembershipTrend.Outside;
        }
    }

    private void AddBranch(BranchTemplate template, DemoLocality locality, int fromYear, int toYear)
    {
        var organization = Add($"{locality.Code}-{Slug.From(template.Prefix)}", $"{template.Prefix} {locality.TitledName}",
            $"{template.NameEn}, {locality.EnglishName}", template.Kind, template.Field, locality);
        organization.FoundedOn = Day(fromYear, toYear);
        organization.Members = random.Next(template.MinMembers, template.MaxMembers + 1);
    }

    private DemoOrganization Add(string code, string name, string nameEn, string kind, string field, DemoLocality locality)
    {
        var organization = new DemoOrganization(organizations.Count + 1, Shorten(code), name, nameEn, locality.Level, kind, field, locality);
        organizations.Add(organization);
        return organization;
    }

    /// <summary>The import format allows codes of up to 64 characters: long branch names lose their last words.</summary>
    private static string Shorten(string code) => code.Length <= 64 ? code : code[..code.LastIndexOf('-', 64)];

    /// <summary>Marks <paramref name="count"/> not yet marked organisations of a scope, chosen at random.</summary>
    private void Pick(string scope, int count, Action<DemoOrganization> mark)
    {
        var candidates = organizations
            .Where(o => o.Scope == scope && o.Trend == MembershipTrend.Steady && !o.Idle)
            .ToList();
        for (var i = 0; i < count; i++)
        {
            var index = random.Next(candidates.Count);
            mark(candidates[index]);
            candidates.RemoveAt(index);
        }
    }

    private DemoOrganization Named(string name) => organizations.Single(o => o.Name == name);

    private int Day(int fromYear, int toYear) =>
        DemoCalendar.Between(random, new DateOnly(fromYear, 1, 1).DayNumber, new DateOnly(toYear, 12, 31).DayNumber);

    private static int YearAfter(DemoLocality locality) => int.Parse(locality.ValidFrom[..4], System.Globalization.CultureInfo.InvariantCulture) + 1;
}
