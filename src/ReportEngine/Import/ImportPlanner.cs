using System.Data.Common;

namespace ReportEngine.Import;

/// <summary>
/// Compares the checked tables with the database: references (within the files or to rows already
/// stored), one committee per locality, then per row added, changed (which columns) or unchanged,
/// and per stored code the file no longer lists, missing or (with --close-missing) closed.
/// It reads the database and writes nothing.
/// </summary>
public sealed class ImportPlanner(DbConnection connection, ImportText text, List<ImportError> errors)
{
    public ImportPlan Plan(IReadOnlyList<ParsedTable> tables, string? closeMissing)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var stored = new Dictionary<string, Dictionary<string, string?[]>>(StringComparer.Ordinal);
        Dictionary<string, string?[]> Stored(TableSpec spec)
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

        var byName = tables.ToDictionary(t => t.Spec.Name, StringComparer.Ordinal);
        bool Exists(string target, string code) =>
            (byName.TryGetValue(target, out var file) && file.ByKey.ContainsKey(code))
            || Stored(ImportTables.Find(target)!).ContainsKey(code);

        foreach (var table in tables)
        {
            CheckReferences(table, Exists);
        }

        if (byName.TryGetValue("committees", out var committees))
        {
            CheckOneCommitteePerLocality(committees, Stored(ImportTables.Committees));
        }

        return new ImportPlan([.. tables.Select(t => Compare(t, Stored(t.Spec), closeMissing))], closeMissing);
    }

    private void CheckReferences(ParsedTable table, Func<string, string, bool> exists)
    {
        var spec = table.Spec;
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            if (spec.Columns[c].Kind != ColumnKind.Reference || !table.Present[c])
            {
                continue;
            }

            var target = spec.Columns[c].Target!;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (table.Rows[r][c] is { } code && !exists(target, code))
                {
                    errors.Add(table.Error(r, spec.Columns[c].Name, code, text.UnknownReference(Singular(target), code)));
                }
            }
        }
    }

    private void CheckOneCommitteePerLocality(ParsedTable committees, Dictionary<string, string?[]> stored)
    {
        var spec = committees.Spec;
        var (code, locality) = (spec.IndexOf("code"), spec.IndexOf("locality"));
        var holder = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in stored.Values.Where(s => !committees.ByKey.ContainsKey(s[code]!)))
        {
            holder[row[locality]!] = row[code]!;
        }

        for (var r = 0; r < committees.Rows.Count; r++)
        {
            var row = committees.Rows[r];
            if (row[locality] is not { } l)
            {
                continue;
            }

            if (holder.TryGetValue(l, out var other))
            {
                errors.Add(committees.Error(r, "locality", l, text.LocalityTaken(l, other)));
            }
            else
            {
                holder[l] = row[code]!;
            }
        }
    }

    private static TableChanges Compare(ParsedTable table, Dictionary<string, string?[]> stored, string? closeMissing)
    {
        var changes = new TableChanges(table);
        var spec = table.Spec;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            if (spec.Name == "committees")
            {
                // The format's default, as the committees table has it.
                row[spec.IndexOf("language")] ??= "vi";
            }

            if (!stored.TryGetValue(ParsedTable.KeyOf(spec, row), out var old))
            {
                changes.Added.Add(r);
                continue;
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
                changes.Changed.Add(r);
            }
            else
            {
                changes.Unchanged++;
            }
        }

        if (spec.HasCode)
        {
            FindMissing(changes, stored, closeMissing);
        }

        return changes;
    }

    /// <summary>Stored codes the file does not list. Closing one sets the day it ended, if it had not ended by then and began before.</summary>
    private static void FindMissing(TableChanges changes, Dictionary<string, string?[]> stored, string? closeMissing)
    {
        var spec = changes.Spec;
        var (start, end) = spec.Name switch
        {
            "organizations" => (spec.IndexOf("founded_on"), spec.IndexOf("dissolved_on")),
            "members" => (spec.IndexOf("joined_on"), spec.IndexOf("left_on")),
            _ => (-1, -1),
        };
        foreach (var (code, row) in stored)
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
