namespace ReportEngine.Data.Demo;

/// <summary>How an organisation's membership moves between the 2023 and 2024 reference dates.</summary>
internal enum MembershipTrend
{
    /// <summary>A few joined, a few left.</summary>
    Steady,

    /// <summary>Founded during the assessment year: everyone joined in it.</summary>
    New,

    /// <summary>Lost more than 20% of its members: the report flags it.</summary>
    Declining,

    /// <summary>Not counted on 31 August 2024: dissolved before, or founded after.</summary>
    Outside,
}

/// <summary>A row of the organizations table as the generator plans it, with the size it must reach.</summary>
internal sealed record DemoOrganization(
    int Id,
    string Code,
    string Name,
    string NameEn,
    string Scope,
    string Kind,
    string Field,
    DemoLocality Locality)
{
    public int FoundedOn { get; set; }

    public int? DissolvedOn { get; set; }

    /// <summary>Members on 31 August 2024 (for organisations outside the totals: members at their peak).</summary>
    public int Members { get; set; }

    public MembershipTrend Trend { get; set; } = MembershipTrend.Steady;

    /// <summary>No activity during the 2024 assessment year: the report asks for it to be corrected.</summary>
    public bool Idle { get; set; }

    /// <summary>The last day it existed, for dating its members and activities.</summary>
    public int LastDay => DissolvedOn is { } dissolved ? dissolved - 1 : DemoCalendar.Reform2025.DayNumber;
}
