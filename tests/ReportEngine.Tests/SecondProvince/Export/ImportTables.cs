using ReportEngine.Tests.SecondProvince.Model;

namespace ReportEngine.Tests.SecondProvince.Export;

/// <summary>The province's rows laid out as issue 9's import format says: a table per kind of row, references by code.</summary>
public static class ImportTables
{
    public static IReadOnlyList<ImportTable> From(ProvinceRows rows)
    {
        var tables = new List<ImportTable>
        {
            new("localities", ["code", "name", "level", "unit_type", "parent", "valid_from", "valid_to", "merged_into"],
                [.. rows.Localities.Select(l => new object?[] { l.Code, l.Name, l.Level, l.UnitType, l.Parent, l.ValidFrom, l.ValidTo, l.MergedInto })]),
            new("organizations", ["code", "name", "name_en", "scope", "kind", "field", "locality", "founded_on", "dissolved_on"],
                [.. rows.Organizations.Select(o => new object?[] { o.Code, o.Name, o.NameEn, o.Scope, o.Kind, o.Field, o.Locality, o.FoundedOn, o.DissolvedOn })]),
            new("members", ["code", "organization", "gender", "birth_year", "joined_on", "left_on"],
                [.. rows.Members.Select(m => new object?[] { m.Code, m.Organization, m.Gender, (long)m.BirthYear, m.JoinedOn, m.LeftOn })]),
            new("member_counts", ["organization", "counted_on", "members"],
                [.. rows.MemberCounts.Select(c => new object?[] { c.Organization, c.CountedOn, (long)c.Members })]),
            new("activities", ["code", "organization", "locality", "held_on", "kind", "title", "value_vnd"],
                [.. rows.Activities.Select(a => new object?[] { a.Code, a.Organization, a.Locality, a.HeldOn, a.Kind, a.Title, a.ValueVnd })]),
            new("targets", ["locality", "indicator", "period_from", "period_to", "target_value", "unit", "resolution", "resolution_number", "resolution_date"],
                [.. rows.Targets.Select(t => new object?[] { t.Locality, t.Indicator, (long)t.PeriodFrom, (long)t.PeriodTo, t.TargetValue, t.Unit, t.Resolution, t.ResolutionNumber, t.ResolutionDate })]),
            new("eligible_populations", ["locality", "group", "year", "eligible", "members"],
                [.. rows.EligiblePopulations.Select(e => new object?[] { e.Locality, e.Group, (long)e.Year, (long)e.Eligible, (long)e.Members })]),
            new("committees", ["code", "name", "locality", "language", "to", "cc"],
                [.. rows.Committees.Select(c => new object?[] { c.Code, c.Name, c.Locality, c.Language, string.Join(';', c.To), c.Cc.Count == 0 ? null : string.Join(';', c.Cc) })]),
        };

        // "Any subset of the tables may be given": a kind of row the province does not keep is left out.
        return [.. tables.Where(t => t.Rows.Count > 0)];
    }
}
