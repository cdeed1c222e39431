using System.Globalization;
using System.Text.Json;

namespace ReportEngine.Import;

/// <summary>What an import would do to one table: rows to add, rows to change (and which columns), rows left as they are, rows the file no longer lists.</summary>
public sealed class TableChanges(ParsedTable source)
{
    public ParsedTable Source { get; } = source;

    public TableSpec Spec => Source.Spec;

    public int Added { get; set; }

    public int Changed { get; set; }

    public SortedDictionary<string, int> ChangedColumns { get; } = new(StringComparer.Ordinal);

    public int Unchanged { get; set; }

    /// <summary>Codes in the database the file does not list; they stay as they are.</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Codes the file does not list that --close-missing closes (dissolved_on or left_on set).</summary>
    public List<string> Closed { get; } = [];

    public bool ChangesNothing => Added == 0 && Changed == 0 && Closed.Count == 0;
}

/// <summary>Everything an import changes (or, with --dry-run, would change), table by table.</summary>
public sealed class ImportPlan(IReadOnlyList<TableChanges> tables, string? closeMissing)
{
    private const int ListedCodes = 10;

    public IReadOnlyList<TableChanges> Tables { get; } = tables;

    public string? CloseMissing { get; } = closeMissing;

    public bool ChangesNothing => Tables.All(t => t.ChangesNothing);

    public int Added => Tables.Sum(t => t.Added);

    public int Changed => Tables.Sum(t => t.Changed);

    /// <summary>One line per table, then the totals: what people read before and after an import.</summary>
    public IEnumerable<string> Describe(ImportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vi = text.Language == "vi";
        string N(int n) => n.ToString("N0", text.Culture);
        foreach (var t in Tables)
        {
            var parts = new List<string>
            {
                vi ? $"{N(t.Added)} thêm mới" : $"{N(t.Added)} added",
                (vi ? $"{N(t.Changed)} thay đổi" : $"{N(t.Changed)} changed")
                    + (t.ChangedColumns.Count > 0 ? " (" + string.Join(", ", t.ChangedColumns.Select(c => $"{c.Key} {N(c.Value)}")) + ")" : ""),
                vi ? $"{N(t.Unchanged)} không đổi" : $"{N(t.Unchanged)} unchanged",
            };
            if (t.Missing.Count > 0)
            {
                parts.Add((vi ? $"{N(t.Missing.Count)} không có trong tệp" : $"{N(t.Missing.Count)} missing from the file") + Codes(t.Missing, text));
            }

            if (t.Closed.Count > 0)
            {
                var column = t.Spec.Name == "members" ? "left_on" : "dissolved_on";
                parts.Add((vi ? $"{N(t.Closed.Count)} đóng ({column} {CloseMissing})" : $"{N(t.Closed.Count)} closed ({column} {CloseMissing})") + Codes(t.Closed, text));
            }

            yield return $"{t.Spec.Name}: {string.Join(", ", parts)}";
        }

        if (ChangesNothing)
        {
            yield return vi
                ? "0 thêm mới, 0 thay đổi: cơ sở dữ liệu đã có đúng các dữ liệu này"
                : "0 added, 0 changed: the database already holds exactly these data";
        }
        else
        {
            yield return vi ? $"tổng: {N(Added)} thêm mới, {N(Changed)} thay đổi" : $"total: {N(Added)} added, {N(Changed)} changed";
        }
    }

    /// <summary>The summary stored with the import's record.</summary>
    public string ToJson() => JsonSerializer.Serialize(Tables.ToDictionary(t => t.Spec.Name, t => new Dictionary<string, object>
    {
        ["added"] = t.Added,
        ["changed"] = t.Changed,
        ["changed_columns"] = t.ChangedColumns,
        ["unchanged"] = t.Unchanged,
        ["missing"] = t.Missing.Count,
        ["closed"] = t.Closed.Count,
    }));

    private static string Codes(List<string> codes, ImportText text)
    {
        var shown = string.Join(", ", codes.Take(ListedCodes).Select(ParsedTable.ShowKey));
        var more = codes.Count > ListedCodes
            ? (text.Language == "vi" ? $" và {(codes.Count - ListedCodes).ToString("N0", text.Culture)} mã khác" : $" and {(codes.Count - ListedCodes).ToString("N0", CultureInfo.InvariantCulture)} more")
            : "";
        return $": {shown}{more}";
    }
}
