namespace ReportEngine.Import;

/// <summary>
/// One table of an import while its rows stream past: where it comes from, which columns its
/// header named, and the key of every row read so far (for duplicates, references and missing rows).
/// Rows themselves are not kept: 440,000 members go from the reader to the writer one at a time.
/// </summary>
public sealed class ParsedTable(TableSpec spec, string file, string? sheet, bool[] present)
{
    public TableSpec Spec { get; } = spec;

    public string File { get; } = file;

    public string? Sheet { get; } = sheet;

    /// <summary>Columns the header named. A column left out is not compared and not changed.</summary>
    public IReadOnlyList<bool> Present { get; } = present;

    /// <summary>The row number of each key read (<see cref="KeyOf"/>).</summary>
    public Dictionary<string, int> ByKey { get; } = new(StringComparer.Ordinal);

    public int Rows { get; set; }

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

    /// <summary>A key as people read it: "binh-thuan/membership_rate:women/2021".</summary>
    public static string ShowKey(string key) => key.Replace('\u001f', '/');

    public ImportError Error(int row, string? column, string? value, string why) => new(File, Sheet, row, column, value, why);
}

/// <summary>One row of a table as checked: its values in the format's column order, as stored, and its row number.</summary>
public readonly record struct CheckedRow(string?[] Values, int Number, bool Valid);
