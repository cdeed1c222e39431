namespace ReportEngine.Tests.SecondProvince.Model;

// The rows of a province as an office would keep them: references are codes, dates are dates.
// They mirror the import format of issue 9 (not the database), so the tests never read the schema.

public sealed record Locality(string Code, string Name, string Level, string UnitType, string? Parent,
    DateOnly ValidFrom, DateOnly? ValidTo = null, string? MergedInto = null)
{
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo > day);
}

public sealed record Organization(string Code, string Name, string NameEn, string Scope, string Kind, string Field,
    string Locality, DateOnly FoundedOn, DateOnly? DissolvedOn = null)
{
    public bool IsActiveOn(DateOnly day) => FoundedOn <= day && (DissolvedOn is null || DissolvedOn > day);
}

public sealed record Member(string Code, string Organization, string Gender, int BirthYear, DateOnly JoinedOn, DateOnly? LeftOn = null)
{
    public bool IsActiveOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);
}

public sealed record MemberCount(string Organization, DateOnly CountedOn, int Members);

/// <summary>An activity; Organization is null for a Party committee's guiding document.</summary>
public sealed record Activity(string Code, string? Organization, string Locality, DateOnly HeldOn, string Kind, string? Title, long? ValueVnd);

public sealed record Target(string Locality, string Indicator, int PeriodFrom, int PeriodTo, decimal TargetValue, string Unit,
    string Resolution, string? ResolutionNumber, DateOnly? ResolutionDate);

public sealed record EligiblePopulation(string Locality, string Group, int Year, int Eligible, int Members);

public sealed record Committee(string Code, string Name, string Locality, string Language, IReadOnlyList<string> To, IReadOnlyList<string> Cc);

/// <summary>Every table of one province's data, as the import format carries it.</summary>
public sealed record ProvinceRows(
    IReadOnlyList<Locality> Localities,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Member> Members,
    IReadOnlyList<MemberCount> MemberCounts,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<EligiblePopulation> EligiblePopulations,
    IReadOnlyList<Committee> Committees)
{
    /// <summary>
    /// The same province from an office that keeps only totals: no member rows, and each
    /// organisation's count on every 1 March and 31 August, computed from the rows.
    /// </summary>
    public ProvinceRows CountsOnly()
    {
        var byOrganization = Members.ToLookup(m => m.Organization, StringComparer.Ordinal);
        var counts = new List<MemberCount>();
        foreach (var organization in Organizations)
        {
            for (var year = organization.FoundedOn.Year; year <= 2024; year++)
            {
                foreach (var day in new[] { new DateOnly(year, 3, 1), new DateOnly(year, 8, 31) })
                {
                    if (day >= organization.FoundedOn)
                    {
                        counts.Add(new MemberCount(organization.Code, day, byOrganization[organization.Code].Count(m => m.IsActiveOn(day))));
                    }
                }
            }
        }

        return this with { Members = [], MemberCounts = counts };
    }
}
