using ReportEngine.Tests.SecondProvince.Model;

namespace ReportEngine.Tests.SecondProvince.Expected;

/// <summary>
/// The annual assessment's figures from the spec's rules, applied to the rows in C# (never the
/// report's SQL): assessment year N covers (as_of - 1 year, as_of]; organisations and members are
/// counted on as_of and on previous_as_of over today's area; rates are rounded once to one decimal
/// and judged on that value.
/// </summary>
public sealed class ExpectedReportCalculator
{
    public static readonly IReadOnlyList<string> ActivityKinds =
        ["consultation", "supervision", "social_criticism", "seminar", "dialogue", "charity", "emulation_model", "guiding_document"];

    private static readonly string[] Scopes = ["province", "district", "commune"];
    private static readonly string[] Kinds = ["assigned", "voluntary"];
    private static readonly string[] Groups = ["farmers", "veterans", "women", "workers", "youth"];

    private static readonly (string Indicator, string? Kind)[] WorkIndicators =
        [("supervision_contents_min", "supervision"), ("social_criticism_contents_min", "social_criticism"),
         ("thematic_dialogues_min", "dialogue"), ("guiding_documents_rate", null)];

    private readonly ProvinceRows _rows;
    private readonly LocalityTree _tree;
    private readonly ILookup<string, Member> _members;
    private readonly ILookup<string, MemberCount> _counts;
    private readonly Dictionary<string, Organization> _organizations;

    public ExpectedReportCalculator(ProvinceRows rows)
    {
        _rows = rows;
        _tree = new LocalityTree(rows.Localities);
        _members = rows.Members.ToLookup(m => m.Organization, StringComparer.Ordinal);
        _counts = rows.MemberCounts.ToLookup(c => c.Organization, StringComparer.Ordinal);
        _organizations = rows.Organizations.ToDictionary(o => o.Code, StringComparer.Ordinal);
    }

    public ExpectedReport Calculate(string locality, int year, DateOnly? asOf = null, int declineThreshold = 20)
    {
        var now = asOf ?? new DateOnly(year, 8, 31);
        var before = now.AddYears(-1);
        var inArea = _rows.Organizations.Where(o => _tree.InArea(locality, o.Locality, now)).ToList();
        var active = inArea.Where(o => o.IsActiveOn(now)).ToList();
        var activeBefore = inArea.Where(o => o.IsActiveOn(before)).ToList();
        int Count(string? scope = null, string? kind = null) => active.Count(o => (scope is null || o.Scope == scope) && (kind is null || o.Kind == kind));

        var scopeKind = (from scope in Scopes
                         from kind in Kinds
                         let rowNow = active.Where(o => o.Scope == scope && o.Kind == kind).ToList()
                         let rowBefore = activeBefore.Where(o => o.Scope == scope && o.Kind == kind).ToList()
                         where rowNow.Count + rowBefore.Count > 0
                         select new ScopeKindRow(scope, kind, rowNow.Count, rowBefore.Count,
                             rowNow.Sum(o => MembersOn(o, now)), rowBefore.Sum(o => MembersOn(o, before)))).ToList();

        var thisYear = ActivitiesIn(locality, now, before, now);
        var previousYear = ActivitiesIn(locality, now, before.AddYears(-1), before);
        return new ExpectedReport(
            locality, now,
            active.Count, activeBefore.Count,
            active.Sum(o => MembersOn(o, now)), activeBefore.Sum(o => MembersOn(o, before)),
            Count("province"), Count("province", "assigned"), Count("province", "voluntary"),
            Count("district"), Count("commune"), Count(kind: "assigned"), Count(kind: "voluntary"),
            scopeKind,
            [.. _tree.All.Where(u => u.IsValidOn(now) && _tree.ParentOn(u, now)?.Code == locality).Select(u => UnitRow(locality, u, active, now))],
            UnitRow(locality, _tree[locality], active, now),
            MembershipTargets(locality, year),
            WorkTargets(locality, year, now, thisYear),
            [.. ActivityKinds.Select(kind => new ActivityRow(kind, thisYear.Count(a => a.Kind == kind), previousYear.Count(a => a.Kind == kind),
                kind == "charity" ? thisYear.Where(a => a.Kind == kind).Sum(a => a.ValueVnd ?? 0) : null))],
            ToCorrect(active, thisYear, now, before, declineThreshold),
            active.Select(o => o.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Members of an organisation on a day: its member rows if it has any, else its latest count on or before the day.</summary>
    public int MembersOn(Organization organization, DateOnly day)
    {
        if (!organization.IsActiveOn(day))
        {
            return 0;
        }

        return _members[organization.Code].Any()
            ? _members[organization.Code].Count(m => m.IsActiveOn(day))
            : _counts[organization.Code].Where(c => c.CountedOn <= day).MaxBy(c => c.CountedOn)?.Members ?? 0;
    }

    /// <summary>Activities held in (from, to]: an organisation's through its own locality, a guiding document through its own.</summary>
    private List<Activity> ActivitiesIn(string locality, DateOnly asOf, DateOnly from, DateOnly to) =>
        [.. _rows.Activities.Where(a => a.HeldOn > from && a.HeldOn <= to
            && _tree.InArea(locality, a.Organization is { } code ? _organizations[code].Locality : a.Locality, asOf))];

    private UnitRow UnitRow(string locality, Locality unit, List<Organization> active, DateOnly asOf)
    {
        var under = active.Where(o => _tree.UnitUnder(locality, o.Locality, asOf)?.Code == unit.Code).ToList();
        return new UnitRow(unit.Code, unit.Name, under.Count(o => o.Scope == "district"), under.Count(o => o.Scope == "commune"),
            under.Count, under.Sum(o => MembersOn(o, asOf)));
    }

    private List<Target> TargetsFor(string locality, int year) =>
        [.. _rows.Targets.Where(t => t.Locality == locality && t.PeriodFrom <= year && year <= t.PeriodTo)];

    private List<MembershipTargetRow> MembershipTargets(string locality, int year)
    {
        var targets = TargetsFor(locality, year);
        return [.. from gr in Groups
                   from population in _rows.EligiblePopulations.Where(e => e.Locality == locality && e.Year == year && e.Group == gr)
                   from target in targets.Where(t => t.Indicator == "membership_rate:" + gr)
                   select new MembershipTargetRow(gr, population.Members, population.Eligible, Percent(population.Members, population.Eligible), target.TargetValue)];
    }

    private List<WorkTargetRow> WorkTargets(string locality, int year, DateOnly asOf, List<Activity> thisYear)
    {
        var targets = TargetsFor(locality, year);
        var communes = _tree.All.Where(l => l.Level == "commune" && l.IsValidOn(asOf) && _tree.InArea(locality, l.Code, asOf)).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var issuing = thisYear.Where(a => a.Kind == "guiding_document" && a.Organization is null)
            .Select(a => _tree.UnitOn(a.Locality, asOf)?.Code).Where(c => c is not null && communes.Contains(c)).Distinct().Count();
        return [.. from indicator in WorkIndicators
                   from target in targets.Where(t => t.Indicator == indicator.Indicator)
                   select indicator.Kind is { } kind
                       ? new WorkTargetRow(indicator.Indicator, thisYear.Count(a => a.Kind == kind), target.TargetValue)
                       : new WorkTargetRow(indicator.Indicator, Percent(issuing, communes.Count), target.TargetValue, issuing, communes.Count)];
    }

    private List<CorrectionRow> ToCorrect(List<Organization> active, List<Activity> thisYear, DateOnly now, DateOnly before, int threshold)
    {
        var list = new List<CorrectionRow>();
        foreach (var organization in active)
        {
            var activities = thisYear.Count(a => a.Organization == organization.Code);
            var (membersBefore, members) = (MembersOn(organization, before), MembersOn(organization, now));
            var declined = membersBefore > 0 && 100m * (membersBefore - members) / membersBefore > threshold;
            if (activities == 0 || declined)
            {
                list.Add(new CorrectionRow(organization.Name, _tree[organization.Locality].Name, membersBefore, members, activities,
                    activities == 0 ? "no_activity" : "membership_decline"));
            }
        }

        return list;
    }

    /// <summary>A rate as printed: rounded once, to one decimal.</summary>
    public static decimal Percent(int part, int whole) => Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
