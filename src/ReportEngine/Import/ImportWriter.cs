using System.Data.Common;
using System.Globalization;

namespace ReportEngine.Import;

/// <summary>Who imported what, for the imports table.</summary>
public sealed record ImportRecord(string ImportedAt, string ImportedBy, string FilesJson, string DataAsOf);

/// <summary>
/// Carries out a checked plan in one transaction, then records the import: either every row is
/// written, or (on any failure) none is. It never reads files and never judges a value; it maps
/// the format's columns to the schema's and codes to ids.
/// </summary>
public sealed class ImportWriter(DbConnection connection)
{
    private static readonly string[] Roles = ["to", "cc"];
    private readonly Dictionary<string, Dictionary<string, long>> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);
    private DbTransaction? transaction;

    public void Write(ImportPlan plan, ImportRecord record, Action<string, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(record);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            // 64 MB of page cache instead of 2: the indexes of 440,000 member rows stay in memory while they grow.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -65536";
            pragma.ExecuteNonQuery();
        }

        using var tx = connection.BeginTransaction();
        transaction = tx;
        try
        {
            foreach (var table in ImportTables.All.Where(t => t.Name is "localities" or "organizations" or "committees"))
            {
                ids[table.Name] = LoadIds(table.Name);
            }

            foreach (var changes in plan.Tables)
            {
                WriteTable(changes, plan.CloseMissing, progress);
            }

            Execute("INSERT INTO imports (imported_at, imported_by, source, files, data_as_of, summary) VALUES (@p0, @p1, 'import', @p2, @p3, @p4)",
                record.ImportedAt, record.ImportedBy, record.FilesJson, record.DataAsOf, plan.ToJson());
            tx.Commit();
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            commands.Clear();
            transaction = null;
        }
    }

    private void WriteTable(TableChanges changes, string? closeMissing, Action<string, int>? progress)
    {
        var spec = changes.Spec;
        var source = changes.Source;
        var columns = Enumerable.Range(0, spec.Columns.Count).Where(c => source.Present[c] && DbColumn(spec, spec.Columns[c]) is not null).ToList();
        // A locality may name as parent or successor a locality further down the file: links are set once all exist.
        var linksLater = spec.Name == "localities";
        var insertColumns = columns.Where(c => !(linksLater && spec.Columns[c].Kind == ColumnKind.Reference)).ToList();
        var returnsId = ids.ContainsKey(spec.Name);
        var insert = $"INSERT INTO {spec.Name} ({string.Join(", ", insertColumns.Select(c => DbColumn(spec, spec.Columns[c])))}) " +
            $"VALUES ({string.Join(", ", insertColumns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})" + (returnsId ? " RETURNING id" : "");
        var written = 0;
        var values = new object?[insertColumns.Count];
        foreach (var r in changes.Added)
        {
            var row = source.Rows[r];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Value(spec.Columns[insertColumns[i]], row[insertColumns[i]]);
            }

            if (returnsId)
            {
                ids[spec.Name][row[spec.IndexOf("code")]!] = Convert.ToInt64(Scalar(insert, values), CultureInfo.InvariantCulture);
            }
            else
            {
                Execute(insert, values);
            }

            if (++written % 50_000 == 0)
            {
                progress?.Invoke(spec.Name, written);
            }
        }

        var update = Update(spec, columns);
        foreach (var r in linksLater ? changes.Added.Concat(changes.Changed) : changes.Changed)
        {
            var row = source.Rows[r];
            Execute(update, [.. columns.Select(c => Value(spec.Columns[c], row[c])), .. spec.Key.Select(k => Value(spec.Columns[spec.IndexOf(k)], row[spec.IndexOf(k)]))]);
        }

        if (spec.Name == "committees")
        {
            WriteRecipients(changes);
        }

        var ended = spec.Name == "members" ? "left_on" : "dissolved_on";
        foreach (var code in changes.Closed)
        {
            Execute($"UPDATE {spec.Name} SET {ended} = @p0 WHERE code = @p1", closeMissing, code);
        }
    }

    private static string Update(TableSpec spec, List<int> columns)
    {
        var set = string.Join(", ", columns.Select((c, i) => $"{DbColumn(spec, spec.Columns[c])} = @p{i.ToString(CultureInfo.InvariantCulture)}"));
        var where = string.Join(" AND ", spec.Key.Select((k, i) => $"{DbColumn(spec, spec.Columns[spec.IndexOf(k)])} = @p{(columns.Count + i).ToString(CultureInfo.InvariantCulture)}"));
        return $"UPDATE {spec.Name} SET {set} WHERE {where}";
    }

    /// <summary>A committee's listed roles (to, cc) are replaced by the file's addresses.</summary>
    private void WriteRecipients(TableChanges changes)
    {
        var spec = changes.Spec;
        foreach (var role in Roles.Where(changes.Source.Has))
        {
            foreach (var r in changes.Added.Concat(changes.Changed))
            {
                var row = changes.Source.Rows[r];
                var id = ids["committees"][row[spec.IndexOf("code")]!];
                Execute("DELETE FROM committee_recipients WHERE committee_id = @p0 AND role = @p1", id, role);
                foreach (var address in (row[spec.IndexOf(role)] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    Execute("INSERT INTO committee_recipients (committee_id, address, role) VALUES (@p0, @p1, @p2)", id, address, role);
                }
            }
        }
    }

    /// <summary>The schema's name for a format column; null for columns kept in another table (a committee's to and cc).</summary>
    private static string? DbColumn(TableSpec spec, ColumnSpec column) => (spec.Name, column.Name) switch
    {
        (_, "to" or "cc") => null,
        ("eligible_populations", "group") => "group_code",
        ("eligible_populations", "eligible") => "eligible_count",
        ("eligible_populations", "members") => "member_count",
        _ when column.Kind == ColumnKind.Reference => column.Name + "_id",
        _ => column.Name,
    };

    private object? Value(ColumnSpec column, string? value) => value is null ? null : column.Kind switch
    {
        ColumnKind.Reference => ids.TryGetValue(column.Target!, out var map) && map.TryGetValue(value, out var id)
            ? id
            : throw new InvalidOperationException($"{column.Target} \"{value}\" was checked but has no id"),
        ColumnKind.WholeNumber => long.Parse(value, CultureInfo.InvariantCulture),
        ColumnKind.Number => double.Parse(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private Dictionary<string, long> LoadIds(string table)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT code, id FROM {table}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            map[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return map;
    }

    private void Execute(string sql, params object?[] values) => Command(sql, values).ExecuteNonQuery();

    private object? Scalar(string sql, params object?[] values) => Command(sql, values).ExecuteScalar();

    /// <summary>Each statement is prepared once and run with new values: 440,000 member rows parse their SQL once.</summary>
    private DbCommand Command(string sql, object?[] values)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            commands[sql] = command;
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }
}
