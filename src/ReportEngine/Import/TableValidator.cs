namespace ReportEngine.Import;

/// <summary>
/// Reads one table's rows and checks everything a row can say on its own: columns, types, dates
/// that exist, codes, choices, intervals, duplicate keys. Every problem is collected; none stops
/// the reading. Each row then goes on to <c>onRow</c>; references between tables and to the
/// database are the planner's.
/// </summary>
public sealed class TableValidator(ImportText text, CellParser cells, List<ImportError> errors, Action<string, int>? progress = null)
{
    public ParsedTable Read(TableSpec spec, ITableReader reader, Action<ParsedTable, CheckedRow> onRow)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(reader);
        var columnOf = new int[reader.Header.Count];
        var present = new bool[spec.Columns.Count];
        var table = new ParsedTable(spec, reader.File, reader.Sheet, present);
        if (reader.Header.Count == 0 || reader.Header.All(h => h.Length == 0))
        {
            errors.Add(new ImportError(reader.File, reader.Sheet, 0, null, null, text.EmptyTable));
            return table;
        }

        CheckHeader(spec, reader, columnOf, present);
        foreach (var row in reader.Rows())
        {
            if (ReadRow(spec, table, columnOf, row) is { } read)
            {
                table.Rows++;
                onRow(table, read);
            }

            if (table.Rows % 50_000 == 0)
            {
                progress?.Invoke(spec.Name, table.Rows);
            }
        }

        progress?.Invoke(spec.Name, table.Rows);
        return table;
    }

    private void CheckHeader(TableSpec spec, ITableReader reader, int[] columnOf, bool[] present)
    {
        for (var h = 0; h < reader.Header.Count; h++)
        {
            var name = reader.Header[h];
            var index = spec.IndexOf(name);
            columnOf[h] = index;
            if (index < 0)
            {
                errors.Add(new ImportError(reader.File, reader.Sheet, 1, name, null, text.UnknownColumn(name, spec.Columns.Select(c => c.Name))));
            }
            else if (present[index])
            {
                errors.Add(new ImportError(reader.File, reader.Sheet, 1, name, null, text.DuplicateColumn(name)));
                columnOf[h] = -1;
            }
            else
            {
                present[index] = true;
            }
        }

        foreach (var column in spec.Columns.Where((c, i) => c.Required && !present[i]))
        {
            errors.Add(new ImportError(reader.File, reader.Sheet, 1, column.Name, null, text.MissingColumn(column.Name)));
        }
    }

    private CheckedRow? ReadRow(TableSpec spec, ParsedTable table, int[] columnOf, SourceRow row)
    {
        var values = new string?[spec.Columns.Count];
        var valid = true;
        // The cell as written, for messages: looked up only when a row has something to say.
        string? Shown(int column) => Array.IndexOf(columnOf, column) is var h and >= 0 && h < row.Cells.Length ? CellParser.Show(row.Cells[h]) : null;
        void Fail(string? column, string? value, string why)
        {
            errors.Add(new ImportError(table.File, table.Sheet, row.Number, column, value, why));
            valid = false;
        }

        for (var h = 0; h < row.Cells.Length; h++)
        {
            if (h >= columnOf.Length)
            {
                if (CellParser.Show(row.Cells[h]) is { Length: > 0 } extra)
                {
                    Fail($"#{h + 1}", extra, text.BeyondHeader);
                }

                continue;
            }

            if (columnOf[h] < 0)
            {
                continue;
            }

            var column = spec.Columns[columnOf[h]];
            var value = cells.Parse(column, row.Cells[h], out var why);
            if (why is not null)
            {
                Fail(column.Name, CellParser.Show(row.Cells[h]), why);
            }

            values[columnOf[h]] = value;
        }

        for (var i = 0; i < spec.Columns.Count; i++)
        {
            if (table.Present[i] && spec.Columns[i].Required && values[i] is null && string.IsNullOrEmpty(Shown(i)))
            {
                Fail(spec.Columns[i].Name, null, text.Required);
            }
        }

        foreach (var (column, value, why) in RowRules.Check(spec, values, text))
        {
            Fail(column, value, why);
        }

        // A row with errors is kept too (nothing is written when there are errors): its code still
        // counts for duplicates, and rows that refer to it get no "there is no ..." on top of its own errors.
        var keyed = values;
        if (!valid)
        {
            keyed = new string?[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                keyed[i] = values[i] ?? Shown(i);
            }
        }

        var key = ParsedTable.KeyOf(spec, keyed);
        if (key.Length > 0 && table.ByKey.TryGetValue(key, out var first))
        {
            errors.Add(new ImportError(table.File, table.Sheet, row.Number, string.Join("+", spec.Key), ParsedTable.ShowKey(key), text.Duplicate(first)));
            return null;
        }

        if (key.Length > 0)
        {
            table.ByKey.Add(key, row.Number);
        }

        return new CheckedRow(values, row.Number, valid);
    }
}
