using System.Globalization;
using ReportEngine.Tests.SecondProvince.Expected;
using ReportEngine.Tests.SecondProvince.Model;

namespace ReportEngine.Tests.SecondProvince.Reading;

/// <summary>
/// Compares one section of a rendered annual assessment with the figures the tests computed: each
/// figure is read from its own row (found by label) and every difference is named.
/// </summary>
public sealed class AnnualReportChecks(LayoutReport report, ExpectedReport expected, ProvinceRows rows)
{
    private static readonly ReportLabels T = ReportLabels.English;
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public static string Describe(IEnumerable<string> failures) => string.Join(Environment.NewLine, failures);

    public AnnualReportChecks Overview()
    {
        var lines = Section("section_overview");
        Figure(lines, "fig_organizations", expected.Organizations, $"{T["previous_year"]}: {N(expected.OrganizationsBefore)}");
        Figure(lines, "fig_members", expected.Members, $"{T["previous_year"]}: {N(expected.MembersBefore)}");
        Figure(lines, "fig_province_scope", expected.ProvinceScope,
            $"{N(expected.ProvinceAssigned)} {T["assigned_short"]} + {N(expected.ProvinceVoluntary)} {T["voluntary_short"]}");
        Figure(lines, "fig_district_scope", expected.DistrictScope);
        Figure(lines, "fig_commune_scope", expected.CommuneScope);
        Figure(lines, "fig_assigned", expected.Assigned);
        Figure(lines, "fig_voluntary", expected.Voluntary);
        return this;
    }

    public AnnualReportChecks ScopeAndKind()
    {
        var lines = Section("section_scope_kind");
        foreach (var row in expected.ScopeKind)
        {
            Row(lines, $"{T["scope", row.Scope]} {T["kind", row.Kind]}", "scope/kind table",
                row.Organizations, row.OrganizationsChange, row.Members, row.MembersChange);
        }

        Row(lines, T["total"], "scope/kind table", expected.Organizations, expected.Organizations - expected.OrganizationsBefore,
            expected.Members, expected.Members - expected.MembersBefore);
        return this;
    }

    public AnnualReportChecks ByUnit()
    {
        var lines = Section("section_localities");
        foreach (var unit in expected.Units)
        {
            Row(lines, unit.Name, "by-unit table", unit.DistrictScope, unit.CommuneScope, unit.Organizations, unit.Members);
        }

        // The locality's own registrations either have a row of their own or are left out of the total.
        var own = expected.OwnRegistrations;
        var ownRow = LayoutReport.Row(lines, own.Name);
        if (ownRow is not null)
        {
            Row(lines, own.Name, "by-unit table (own registrations)", own.DistrictScope, own.CommuneScope, own.Organizations, own.Members);
        }

        var shown = expected.Units.Append(ownRow is null ? own with { DistrictScope = 0, CommuneScope = 0, Organizations = 0, Members = 0 } : own).ToList();
        Row(lines, T["total"], "by-unit table" + (ownRow is null ? $" (leaving out the {own.Organizations} organisations registered at {own.Name} itself)" : ""),
            shown.Sum(u => u.DistrictScope), shown.Sum(u => u.CommuneScope), shown.Sum(u => u.Organizations), shown.Sum(u => u.Members));

        foreach (var stray in rows.Localities.Select(l => l.Name).Except(shown.Select(u => u.Name)).Where(name => LayoutReport.Row(lines, name) is not null))
        {
            _failures.Add($"by-unit table: a row for {stray}, which is not a unit directly under {own.Name} on {expected.AsOf:yyyy-MM-dd}");
        }

        return this;
    }

    public AnnualReportChecks MembershipTargets()
    {
        if (NoTargetsExpected())
        {
            return this;
        }

        var lines = Section("section_membership_targets");
        foreach (var row in expected.MembershipTargets)
        {
            Row(lines, T["group", row.Group], "membership targets", row.Members, row.Eligible, row.Rate, row.Target);
            Status(lines, T["group", row.Group], "membership targets", row.Achieved);
        }

        return this;
    }

    public AnnualReportChecks WorkTargets()
    {
        if (NoTargetsExpected())
        {
            return this;
        }

        var lines = Section("section_work_targets");
        foreach (var row in expected.WorkTargets)
        {
            if (row.UnitsWith is { } with && row.Units is { } all)
            {
                Row(lines, T["indicator", row.Indicator], "work targets (units with a document, units, rate, target)", with, all, row.Actual, row.Target);
            }
            else
            {
                Row(lines, T["indicator", row.Indicator], "work targets", row.Actual, row.Target);
            }

            Status(lines, T["indicator", row.Indicator], "work targets", row.Achieved);
        }

        return this;
    }

    public AnnualReportChecks Activities()
    {
        var lines = Section("section_activities");
        foreach (var row in expected.Activities)
        {
            var label = T["activity", row.Kind];
            if (row.ValueVnd is { } value)
            {
                Row(lines, label, "activities (this year, previous year, value of support)", row.Count, row.CountBefore, value);
            }
            else
            {
                Row(lines, label, "activities (this year, previous year)", row.Count, row.CountBefore);
            }
        }

        return this;
    }

    public AnnualReportChecks ToCorrect()
    {
        var lines = Section("section_correction");
        foreach (var row in expected.ToCorrect)
        {
            Row(lines, $"{row.Name} {row.Locality}", "list to be corrected", row.MembersBefore, row.Members, row.Activities);
            var found = LayoutReport.Row(lines, $"{row.Name} {row.Locality}");
            if (found is not null && !found.Rest.StartsWith(T["reason", row.Reason].Split(' ')[0], StringComparison.Ordinal))
            {
                _failures.Add($"list to be corrected: {row.Name} should be listed for \"{T["reason", row.Reason]}\", the row reads \"{found.Line}\"");
            }
        }

        var reasons = new[] { T["reason", "no_activity"], T["reason", "membership_decline"] }.Select(r => r.Split(' ')[0]).ToList();
        var listed = lines.Select(Token).Count(tokens =>
        {
            var numbers = tokens.SkipWhile(w => !LayoutReport.IsNumber(w)).ToList();
            var rest = numbers.SkipWhile(LayoutReport.IsNumber).ToList();
            return numbers.Count - rest.Count >= 3 && rest.Count > 0 && reasons.Contains(rest[0]);
        });
        if (listed != expected.ToCorrect.Count)
        {
            _failures.Add($"list to be corrected: {listed} organisations listed, expected {expected.ToCorrect.Count}: {string.Join("; ", expected.ToCorrect.Select(r => r.Name))}");
        }

        return this;
    }

    public AnnualReportChecks Appendix()
    {
        var lines = Section("section_appendix");
        var numbers = lines.Select(Token).Where(t => t.Count > 1 && int.TryParse(t[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _))
            .Select(t => int.Parse(t[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, expected.AppendixCount)))
        {
            _failures.Add($"appendix: numbered {numbers.Count} organisations (last {numbers.LastOrDefault()}), expected 1 to {expected.AppendixCount}");
        }

        var text = string.Concat(lines).Replace(" ", "", StringComparison.Ordinal);
        foreach (var organization in rows.Organizations)
        {
            var listed = expected.Appendix.Contains(organization.Name);
            if (listed != text.Contains(organization.Name.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal))
            {
                _failures.Add($"appendix: {organization.Name} (founded {organization.FoundedOn:yyyy-MM-dd}, dissolved {organization.DissolvedOn:yyyy-MM-dd}) "
                    + (listed ? "is missing" : "is listed but is not an active organisation of the area"));
            }
        }

        return this;
    }

    /// <summary>
    /// A locality without targets for the year gets one sentence instead of the target tables; true
    /// (and checked) when the rows set none.
    /// </summary>
    private bool NoTargetsExpected()
    {
        if (expected.MembershipTargets.Count > 0 || expected.WorkTargets.Count > 0)
        {
            return false;
        }

        // Assessment year N ends on its as-of date, 31 August N; the locality's own row carries its name.
        var sentence = $"No targets were set for {expected.OwnRegistrations.Name} for {expected.AsOf.Year}.";
        if (!string.Join(' ', report.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Contains(sentence, StringComparison.Ordinal))
        {
            _failures.Add($"targets: none were set, so the report should say \"{sentence}\"");
        }

        return true;
    }

    private IReadOnlyList<string> Section(string key)
    {
        try
        {
            return report.Section(T[key], T.Headings);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            _failures.Add(e.Message);
            return [];
        }
    }

    private void Figure(IReadOnlyList<string> lines, string key, int value, string? note = null)
    {
        var figure = LayoutReport.KeyFigure(lines, T[key]);
        if (figure is null)
        {
            _failures.Add($"overview: no key figure \"{T[key]}\"");
            return;
        }

        if (figure.Value.Value != value)
        {
            _failures.Add($"overview: \"{T[key]}\" is {N(figure.Value.Value)}, expected {N(value)}");
        }

        if (note is not null && !figure.Value.Note.Contains(note, StringComparison.Ordinal))
        {
            _failures.Add($"overview: \"{T[key]}\" note reads \"{figure.Value.Note}\", expected \"{note}\"");
        }
    }

    private void Row(IReadOnlyList<string> lines, string label, string table, params decimal[] values)
    {
        var row = LayoutReport.Row(lines, label);
        if (row is null)
        {
            _failures.Add($"{table}: no row \"{label}\" (expected {string.Join(" ", values.Select(N))})");
        }
        else if (!row.Numbers.Take(values.Length).SequenceEqual(values))
        {
            _failures.Add($"{table}: row \"{label}\" reads {string.Join(" ", row.Numbers.Select(N))}, expected {string.Join(" ", values.Select(N))}");
        }
    }

    private void Status(IReadOnlyList<string> lines, string label, string table, bool achieved)
    {
        var wanted = T["status", achieved ? "achieved" : "not_achieved"];
        if (LayoutReport.Row(lines, label) is { } row && !row.Rest.StartsWith(wanted, StringComparison.Ordinal))
        {
            _failures.Add($"{table}: row \"{label}\" is judged \"{row.Rest}\", expected \"{wanted}\"");
        }
    }

    private static List<string> Token(string line) => [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static string N(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.0", CultureInfo.InvariantCulture);
}
