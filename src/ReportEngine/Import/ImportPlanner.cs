using System.Data.Common;

namespace ReportEngine.Import;

/// <summary>What the planner decided for one row.</summary>
public enum RowChange
{
    Unchanged,
    Added,
    Changed,
}

/// <summary>
/// Compares each checked row with the database as the rows stream past: references (to rows read
/// earlier in the files, or stored), one committee per locality, then added, changed (which
/// columns) or unchanged; at a table's end, the stored codes the file no longer lists, missing or
/// (with --close-missing) closed. It reads the database and writes nothing.
/// </summary>
public sealed class ImportPlanner(DbConnection connection, ImportText text, List<ImportError> errors, string? closeMissing)
{
    private readonly Dictionary<string, Dictionary<string, string?[]>> stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParsedTable> read = new(StringComparer.Ordinal);
    private readonly List<TableChanges> tables = [];
    private readonly List<(CheckedRow Row, int Column)> selfReferences = [];
    private Dictionary<string, string>? committeeOf;
    private TableChanges? current;

    public ImportPlan Plan => new(tables, closeMissing);

    /// <summary>
    /// Reads the stored rows the tables will be compared with and the codes they may refer to, all
    /// before the writer's transaction begins: the comparison is with the database as it was.
    /// </summary>
    public void Load(IEnumerable<TableSpec> tables)
    {
        foreach (var spec in tables.Concat([ImportTables.Localities, ImportTables.Organizations]))
        {
            Stored(spec);
        }
    }

    /// <summary>A table's first row: its stored rows are loaded to compare with.</summary>
    public void Begin(ParsedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        current = new TableChanges(table);
        tables.Add(current);
        read[table.Spec.Name] = table;
        selfReferences.Clear();
        if (table.Spec.Name == "committees")
        {
            // Stored committees hold their localities unless the file lists them again.
            var spec = table.Spec;
            committeeOf = Stored(spec).Values.ToDictionary(s => s[spec.IndexOf("locality")]!, s => s[spec.IndexOf("code")]!, StringComparer.Ordinal);
        }
    }

    public RowChange Row(ParsedTable table, CheckedRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        var spec = table.Spec;
        var values = row.Values;
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            if (spec.Columns[c].Kind != ColumnKind.Reference || values[c] is not { } code)
            {
                continue;
            }

            if (spec.Columns[c].Target == spec.Name)
            {
                selfReferences.Add((row, c)); // may name a row further down the file
            }
            else if (!Exists(spec.Columns[c].Target!, code))
            {
                errors.Add(table.Error(row.Number, spec.Columns[c].Name, code, text.UnknownReference(Singular(spec.Columns[c].Target!), code)));
            }
        }

        if (committeeOf is not null && spec.Name == "committees")
        {
            CheckOneCommitteePerLocality(table, row);
        }

        return row.Valid ? Compare(row.Values) : RowChange.Unchanged;
    }

    /// <summary>The table is read: references within it, and the stored codes it no longer lists.</summary>
    public void End(ParsedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (row, c) in selfReferences)
        {
            if (!Exists(table.Spec.Name, row.Values[c]!))
            {
                errors.Add(table.Error(row.Number, table.Spec.Columns[c].Name, row.Values[c], text.UnknownReference(Singular(table.Spec.Name), row.Values[c]!)));
            }
        }

        if (table.Spec.HasCode)
        {
            FindMissing(current!, Stored(table.Spec));
        }

        committeeOf = null;
    }

    private bool Exists(string target, string code) =>
        (read.TryGetValue(target, out var file) && file.ByKey.ContainsKey(code)) || Stored(ImportTables.Find(target)!).ContainsKey(code);

    private Dictionary<string, string?[]> Stored(TableSpec spec)
    {
        if (!stored.TryGetValue(spec.Name, out var rows))
        {
            rows = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var row in StoredRows.Read(connection, spec))
            {
                rows[ParsedTable.KeyOf(spec, row)] = row;
            }

            stored[spec.Name] = rows;
        }

        return rows;
    }

    private void CheckOneCommitteePerLocality(ParsedTable committees, CheckedRow row)
    {
        var spec = committees.Spec;
        var (code, locality) = (row.Values[spec.IndexOf("code")], row.Values[spec.IndexOf("locality")]);
        if (code is null || locality is null)
        {
            return;
        }

        if (committeeOf!.TryGetValue(locality, out var holder) && holder != code)
        {
            errors.Add(committees.Error(row.Number, "locality", locality, text.LocalityTaken(locality, holder)));
            return;
        }

        committeeOf[locality] = code;
    }

    private RowChange Compare(string?[] row)
    {
        var changes = current!;
        var table = changes.Source;
        var spec = table.Spec;
        if (spec.Name == "committees")
        {
            // The format's default, as the committees table has it.
            row[spec.IndexOf("language")] ??= "vi";
        }

        if (!Stored(spec).TryGetValue(ParsedTable.KeyOf(spec, row), out var old))
        {
            changes.Added++;
            return RowChange.Added;
        }

        var changed = false;
        for (var c = 0; c < row.Length; c++)
        {
            if ((table.Present[c] || (spec.Name == "committees" && spec.Columns[c].Name == "language")) && !string.Equals(row[c], old[c], StringComparison.Ordinal))
            {
                changes.ChangedColumns[spec.Columns[c].Name] = changes.ChangedColumns.GetValueOrDefault(spec.Columns[c].Name) + 1;
                changed = true;
            }
        }

        if (changed)
        {
            changes.Changed++;
            return RowChange.Changed;
        }

        changes.Unchanged++;
        return RowChange.Unchanged;
    }

    /// <summary>Stored codes the file does not list. Closing one sets the day it ended, if it had not ended by then and began before.</summary>
    private void FindMissing(TableChanges changes, Dictionary<string, string?[]> rows)
    {
        var spec = changes.Spec;
        var (start, end) = spec.Name switch
        {
            "organizations" => (spec.IndexOf("founded_on"), spec.IndexOf("dissolved_on")),
            "members" => (spec.IndexOf("joined_on"), spec.IndexOf("left_on")),
            _ => (-1, -1),
        };
        foreach (var (code, row) in rows)
        {
            if (changes.Source.ByKey.ContainsKey(code))
            {
                continue;
            }

            var closable = closeMissing is not null && end >= 0
                && (row[end] is null || string.CompareOrdinal(row[end], closeMissing) > 0)
                && string.CompareOrdinal(row[start], closeMissing) < 0;
            (closable ? changes.Closed : changes.Missing).Add(code);
        }
    }

    private static string Singular(string table) => table switch
    {
        "localities" => "locality",
        "organizations" => "organization",
        _ => table,
    };
}
