using System.Data.Common;
using System.Globalization;

namespace ReportEngine.Import;

/// <summary>Who imported what, for the imports table.</summary>
public sealed record ImportRecord(string ImportedAt, string ImportedBy, string FilesJson, string DataAsOf);

/// <summary>
/// Writes checked rows as they come, inside one transaction that is committed only when the whole
/// import had no error: either every row is written, or none is. It never reads files and never
/// judges a value; it maps the format's columns to the schema's and codes to ids.
/// </summary>
public sealed class ImportWriter : IDisposable
{
    private static readonly string[] Roles = ["to", "cc"];
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly Dictionary<string, Dictionary<string, long>> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);
    private readonly List<string?[]> linkLater = [];
    private readonly List<string> deferredIndexes = [];
    private DbCommand? insertCommand;
    private DbParameter[] insertParameters = [];
    private SqliteInsert? sqliteInsert;
    private object?[] values = [];
    private Dictionary<string, long>? insertedIds;
    private int codeColumn = -1;
    private List<int> columns = [];
    private List<int> insertColumns = [];
    private string insert = "";
    private string update = "";

    public ImportWriter(DbConnection connection)
    {
        this.connection = connection;
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            // 32 MB of page cache instead of 2: the indexes of 440,000 member rows stay in memory while they grow.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -32768";
            pragma.ExecuteNonQuery();
        }

        transaction = connection.BeginTransaction();
        foreach (var table in new[] { "localities", "organizations", "committees" })
        {
            ids[table] = LoadIds(table);
        }
    }

    /// <summary>A table's first row: its statements, for the columns its header named.</summary>
    public void Begin(ParsedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var spec = table.Spec;
        columns = [.. Enumerable.Range(0, spec.Columns.Count).Where(c => table.Present[c] && DbColumn(spec, spec.Columns[c]) is not null)];
        // A locality may name as parent or successor a locality further down the file: links are set once all exist.
        insertColumns = [.. columns.Where(c => !(SelfReferences(spec) && spec.Columns[c].Kind == ColumnKind.Reference))];
        insert = $"INSERT INTO {spec.Name} ({string.Join(", ", insertColumns.Select(c => DbColumn(spec, spec.Columns[c])))}) " +
            $"VALUES ({string.Join(", ", insertColumns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})" + (ids.ContainsKey(spec.Name) ? " RETURNING id" : "");
        update = Update(spec, columns);
        linkLater.Clear();
        DeferIndexes(spec.Name);
        values = new object?[insertColumns.Count];
        // Prepared at the table's first new row: a table without rows (or without columns) prepares nothing.
        sqliteInsert?.Dispose();
        sqliteInsert = null;
        insertCommand = null;
        insertedIds = ids.GetValueOrDefault(spec.Name);
        codeColumn = spec.IndexOf("code");
    }

    public void Row(ParsedTable table, string?[] row, RowChange change)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var spec = table.Spec;
        if (change == RowChange.Added)
        {
            // The table's one prepared INSERT, run with this row's values: no lookup, no array per row.
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Value(spec.Columns[insertColumns[i]], row[insertColumns[i]]);
            }

            var id = Insert();
            if (insertedIds is not null)
            {
                insertedIds[row[codeColumn]!] = id;
            }
        }

        if (change == RowChange.Changed || (change == RowChange.Added && SelfReferences(spec)))
        {
            if (SelfReferences(spec))
            {
                linkLater.Add(row);
            }
            else
            {
                Update(spec, row);
            }
        }

        if (change != RowChange.Unchanged && spec.Name == "committees")
        {
            WriteRecipients(table, row);
        }
    }

    /// <summary>The table is read: links within it, and the missing rows --close-missing closes.</summary>
    public void End(TableChanges changes, string? closeMissing)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RestoreIndexes();
        foreach (var row in linkLater)
        {
            Update(changes.Spec, row);
        }

        var ended = changes.Spec.Name == "members" ? "left_on" : "dissolved_on";
        foreach (var code in changes.Closed)
        {
            Execute($"UPDATE {changes.Spec.Name} SET {ended} = @p0 WHERE code = @p1", closeMissing, code);
        }
    }

    /// <summary>Records the import and commits everything written.</summary>
    public void Commit(ImportPlan plan, ImportRecord record)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(record);
        Execute("INSERT INTO imports (imported_at, imported_by, source, files, data_as_of, summary) VALUES (@p0, @p1, 'import', @p2, @p3, @p4)",
            record.ImportedAt, record.ImportedBy, record.FilesJson, record.DataAsOf, plan.ToJson());
        transaction.Commit();
    }

    /// <summary>Without <see cref="Commit"/>, everything written is rolled back.</summary>
    public void Dispose()
    {
        sqliteInsert?.Dispose();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        transaction.Dispose();
    }

    private static bool SelfReferences(TableSpec spec) => spec.Name == "localities";

    private long Insert()
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            sqliteInsert ??= new SqliteInsert(sqlite, insert);
            return sqliteInsert.Run(values);
        }

        if (insertCommand is null)
        {
            insertCommand = Command(insert, values);
            insertParameters = [.. insertCommand.Parameters.Cast<DbParameter>()];
        }

        for (var i = 0; i < insertParameters.Length; i++)
        {
            insertParameters[i].Value = values[i] ?? DBNull.Value;
        }

        return insertedIds is null ? insertCommand!.ExecuteNonQuery() : Convert.ToInt64(insertCommand!.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Into an empty SQLite table, the rows go in without the table's own indexes (CREATE INDEX
    /// statements; the UNIQUE constraints of the schema stay), which are built once at the table's end:
    /// 440,000 members sorted once instead of three B-trees kept in order row by row. It is all inside
    /// the import's transaction, so a rollback gives the indexes back as they were.
    /// </summary>
    private void DeferIndexes(string table)
    {
        deferredIndexes.Clear();
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection || Scalar($"SELECT EXISTS (SELECT 1 FROM {table})") != 0)
        {
            return;
        }

        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL ORDER BY name";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$table";
            parameter.Value = table;
            command.Parameters.Add(parameter);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                deferredIndexes.Add(reader.GetString(1));
            }
        }

        foreach (var name in names)
        {
            Scalar($"DROP INDEX \"{name}\"");
        }
    }

    private void RestoreIndexes()
    {
        foreach (var sql in deferredIndexes)
        {
            Scalar(sql);
        }

        deferredIndexes.Clear();
    }

    private long Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private void Update(TableSpec spec, string?[] row) =>
        Execute(update, [.. columns.Select(c => Value(spec.Columns[c], row[c])), .. spec.Key.Select(k => Value(spec.Columns[spec.IndexOf(k)], row[spec.IndexOf(k)]))]);

    private static string Update(TableSpec spec, List<int> columns)
    {
        var set = string.Join(", ", columns.Select((c, i) => $"{DbColumn(spec, spec.Columns[c])} = @p{i.ToString(CultureInfo.InvariantCulture)}"));
        var where = string.Join(" AND ", spec.Key.Select((k, i) => $"{DbColumn(spec, spec.Columns[spec.IndexOf(k)])} = @p{(columns.Count + i).ToString(CultureInfo.InvariantCulture)}"));
        return $"UPDATE {spec.Name} SET {set} WHERE {where}";
    }

    /// <summary>A committee's listed roles (to, cc) are replaced by the file's addresses.</summary>
    private void WriteRecipients(ParsedTable table, string?[] row)
    {
        var spec = table.Spec;
        var id = ids["committees"][row[spec.IndexOf("code")]!];
        foreach (var role in Roles.Where(table.Has))
        {
            Execute("DELETE FROM committee_recipients WHERE committee_id = @p0 AND role = @p1", id, role);
            foreach (var address in (row[spec.IndexOf(role)] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                Execute("INSERT INTO committee_recipients (committee_id, address, role) VALUES (@p0, @p1, @p2)", id, address, role);
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

    private void Execute(string sql, params object?[] parameters) => Command(sql, parameters).ExecuteNonQuery();

    /// <summary>Each statement is prepared once and run with new values: 440,000 member rows parse their SQL once.</summary>
    private DbCommand Command(string sql, object?[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            if (command is Microsoft.Data.Sqlite.SqliteCommand)
            {
                // Microsoft.Data.Sqlite parses the SQL again on every execution of a command that was not prepared.
                command.Prepare();
            }

            commands[sql] = command;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i] ?? DBNull.Value;
        }

        return command;
    }
}
