namespace ReportEngine.Import;

/// <summary>
/// One table of an import after its rows were read and checked: each row's values in the column
/// order of <see cref="TableSpec.Columns"/>, as stored, and where the row came from.
/// </summary>
public sealed class ParsedTable(TableSpec spec, string file, string? sheet, bool[] present)
{
    public TableSpec Spec { get; } = spec;

    public string File { get; } = file;

    public string? Sheet { get; } = sheet;

    /// <summary>Columns the header named. A column left out is not compared and not changed.</summary>
    public IReadOnlyList<bool> Present { get; } = present;

    public List<string?[]> Rows { get; } = [];

    public List<int> RowNumbers { get; } = [];

    /// <summary>Row index by key (<see cref="KeyOf"/>).</summary>
    public Dictionary<string, int> ByKey { get; } = new(StringComparer.Ordinal);

    public bool Has(string column) => Spec.IndexOf(column) is var i and >= 0 && Present[i];

    /// <summary>The key as one string: the code, or the natural key's values joined.</summary>
    public static string KeyOf(TableSpec spec, string?[] row)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(row);
        if (spec.Key.Count == 1)
        {
            return row[spec.IndexOf(spec.Key[0])] ?? "";
        }

        return string.Join('\u001f', spec.Key.Select(k => row[spec.IndexOf(k)]));
    }

    /// <summary>A key as people read it: "binh-thuan / membership_rate:women / 2021".</summary>
    public static string ShowKey(string key) => key.Replace('\u001f', '/');

    public ImportError Error(int index, string? column, string? value, string why) =>
        new(File, Sheet, RowNumbers[index], column, value, why);
}
