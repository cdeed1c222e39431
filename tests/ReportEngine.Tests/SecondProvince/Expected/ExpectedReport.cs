namespace ReportEngine.Tests.SecondProvince.Expected;

// The figures an annual assessment must print, computed by the tests from their own rows.

public sealed record ScopeKindRow(string Scope, string Kind, int Organizations, int OrganizationsBefore, int Members, int MembersBefore)
{
    public int OrganizationsChange => Organizations - OrganizationsBefore;

    public int MembersChange => Members - MembersBefore;
}

public sealed record UnitRow(string Code, string Name, int DistrictScope, int CommuneScope, int Organizations, int Members);

public sealed record MembershipTargetRow(string Group, int Members, int Eligible, decimal Rate, decimal Target)
{
    public bool Achieved => Rate >= Target;
}

/// <summary>A rate (the guiding-documents one) also prints what it is made of: Units with a document, of Units in all.</summary>
public sealed record WorkTargetRow(string Indicator, decimal Actual, decimal Target, int? UnitsWith = null, int? Units = null)
{
    public bool Achieved => Actual >= Target;
}

/// <summary>ValueVnd is the charity kind's value of support this year; null for every other kind.</summary>
public sealed record ActivityRow(string Kind, int Count, int CountBefore, long? ValueVnd);

public sealed record CorrectionRow(string Name, string Locality, int MembersBefore, int Members, int Activities, string Reason);

public sealed record ExpectedReport(
    string Locality,
    DateOnly AsOf,
    int Organizations,
    int OrganizationsBefore,
    int Members,
    int MembersBefore,
    int ProvinceScope,
    int ProvinceAssigned,
    int ProvinceVoluntary,
    int DistrictScope,
    int CommuneScope,
    int Assigned,
    int Voluntary,
    IReadOnlyList<ScopeKindRow> ScopeKind,
    IReadOnlyList<UnitRow> Units,
    UnitRow OwnRegistrations,
    IReadOnlyList<MembershipTargetRow> MembershipTargets,
    IReadOnlyList<WorkTargetRow> WorkTargets,
    IReadOnlyList<ActivityRow> Activities,
    IReadOnlyList<CorrectionRow> ToCorrect,
    IReadOnlySet<string> Appendix)
{
    /// <summary>The appendix numbers every organisation active on the as-of date once.</summary>
    public int AppendixCount => Organizations;
}
