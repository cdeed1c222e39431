using ReportEngine.Data;
using ReportEngine.Delivery;

namespace ReportEngine.Import;

/// <summary>What one row must satisfy beyond its cells' types: intervals, indicators, and the committee rules the `committees` verbs use too.</summary>
internal static class RowRules
{
    private static readonly string[] Indicators =
    [
        "supervision_contents_min", "social_criticism_contents_min", "thematic_dialogues_min", "guiding_documents_rate", "recommendations_answered_rate",
    ];

    private static readonly string[] Groups = ["farmers", "veterans", "women", "workers", "youth"];

    public static IEnumerable<(string Column, string? Value, string Why)> Check(TableSpec spec, string?[] row, ImportText text)
    {
        string? V(string column) => row[spec.IndexOf(column)];
        switch (spec.Name)
        {
            case "localities":
                if (After(V("valid_to"), V("valid_from"), strict: true) is false)
                {
                    yield return ("valid_to", V("valid_to"), text.NotAfter("valid_from", V("valid_from")!));
                }

                foreach (var column in new[] { "parent", "merged_into" })
                {
                    if (V(column) is { } other && other == V("code"))
                    {
                        yield return (column, other, text.ParentOfItself);
                    }
                }

                break;
            case "organizations":
                if (After(V("dissolved_on"), V("founded_on"), strict: true) is false)
                {
                    yield return ("dissolved_on", V("dissolved_on"), text.NotAfter("founded_on", V("founded_on")!));
                }

                break;
            case "members":
                if (After(V("left_on"), V("joined_on"), strict: false) is false)
                {
                    yield return ("left_on", V("left_on"), text.Before("joined_on", V("joined_on")!));
                }

                break;
            case "targets":
                if (V("indicator") is { } indicator && !IsIndicator(indicator))
                {
                    yield return ("indicator", indicator, text.UnknownIndicator);
                }

                if (V("period_to") is { } to && V("period_from") is { } from && long.Parse(to, System.Globalization.CultureInfo.InvariantCulture) < long.Parse(from, System.Globalization.CultureInfo.InvariantCulture))
                {
                    yield return ("period_to", to, text.Before("period_from", from));
                }

                break;
            case "eligible_populations":
                if (V("eligible") == "0")
                {
                    yield return ("eligible", "0", text.MustBePositive);
                }

                break;
            case "committees":
                foreach (var problem in CommitteeProblems(row, spec))
                {
                    yield return problem;
                }

                break;
        }
    }

    /// <summary>Both dates given and the first not after (or, not strict, before) the second: false. Otherwise null or true.</summary>
    private static bool? After(string? later, string? earlier, bool strict) =>
        later is null || earlier is null ? null
        : strict ? string.CompareOrdinal(later, earlier) > 0
        : string.CompareOrdinal(later, earlier) >= 0;

    private static bool IsIndicator(string indicator) =>
        Indicators.Contains(indicator)
        || (indicator.StartsWith("membership_rate:", StringComparison.Ordinal) && Groups.Contains(indicator["membership_rate:".Length..]));

    /// <summary>
    /// The rules a committee obeys whichever way it is saved (<see cref="CommitteeRules"/>); its
    /// locality is checked with the other references. Its messages name the column first ("to: ...").
    /// </summary>
    private static IEnumerable<(string Column, string? Value, string Why)> CommitteeProblems(string?[] row, TableSpec spec)
    {
        string V(string column) => row[spec.IndexOf(column)] ?? "";
        if (V("code").Length == 0)
        {
            yield break; // the code's own error is already listed
        }

        var (_, problems) = CommitteeRules.Check(V("code"), V("name"), V("locality"), V("language"), V("to"), V("cc"), V("drop_folder"), _ => true, CommitteeSigner.From(V));
        foreach (var problem in problems)
        {
            var colon = problem.IndexOf(':', StringComparison.Ordinal);
            var column = colon > 0 ? problem[..colon] : "code";
            yield return (column, null, colon > 0 ? problem[(colon + 1)..].Trim() : problem);
        }
    }
}
