using System.Globalization;

namespace ReportEngine.Templates;

/// <summary>
/// Values the engine adds to a report's parameters, for its queries (@name) and texts (p.name);
/// they are worked out from the parameters and the database, so they are never recorded with a run.
/// </summary>
public static class EngineValues
{
    /// <summary>The start of the previous assessment year's window (previous_as_of − 1 year, exclusive).</summary>
    public const string PreviousWindowStart = "previous_window_start";

    /// <summary>The date the data runs to: the latest imports.data_as_of ("" when nothing was imported).</summary>
    public const string DataAsOf = "data_as_of";

    /// <summary>True when the report's as_of is after the data's date and --allow-partial let it run.</summary>
    public const string Partial = "partial";

    /// <summary>
    /// The parameter that lets a report run past the data's date (--allow-partial, a schedule's
    /// allow-partial: true). Any template accepts it; it is recorded with the run so a rerun does the same.
    /// </summary>
    public const string AllowPartial = "allow_partial";

    /// <summary>The run's document number ("123-BC/TU"); "" when the run has none (set by the numbering of runs).</summary>
    public const string DocumentNumber = "document_number";

    /// <summary>The day the number was issued (yyyy-MM-dd, Vietnam time); "" when the run has none.</summary>
    public const string DocumentDate = "document_date";

    /// <summary>
    /// The committee of the report's locality, as Party documents print it (committees table, <see cref="CommitteeValues"/>):
    /// each "" when the locality has no committee or the committee leaves it unset; recipients an empty list then.
    /// </summary>
    public static readonly IReadOnlyList<string> CommitteeValues =
        ["committee_name", "issuing_body", "body_symbol", "signer_authority", "signer_position", "signer_name", "place"];

    /// <summary>The committee's recipient addresses (To first, then Cc), for a document's "Nơi nhận".</summary>
    public const string Recipients = "recipients";

    public static Dictionary<string, object> Add(IReadOnlyDictionary<string, object> parameters, string dataAsOf, bool partial)
    {
        var values = new Dictionary<string, object>(parameters, StringComparer.Ordinal);
        if (parameters.TryGetValue("previous_as_of", out var previous) && previous is string text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            values.TryAdd(PreviousWindowStart, date.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        values.TryAdd(DataAsOf, dataAsOf);
        values.TryAdd(Partial, partial);
        values.TryAdd(AllowPartial, false);
        values.TryAdd(DocumentNumber, "");
        values.TryAdd(DocumentDate, "");
        foreach (var name in CommitteeValues)
        {
            values.TryAdd(name, "");
        }

        values.TryAdd(Recipients, Array.Empty<string>());
        return values;
    }
}
