using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data;

/// <summary>
/// Copies the organisations data of a SQLite database into a PostgreSQL one with the same schema
/// (both migrated first), with COPY: the way from the embedded default to the scale-out path.
/// Every table is copied in one transaction: a failure (a row PostgreSQL refuses, a dropped
/// connection, Ctrl+C) leaves the target as empty as it was, so the copy can simply be run again.
/// </summary>
public static class SqliteToPostgres
{
    /// <summary>Parents before children, so foreign keys hold row by row.</summary>
    private static readonly string[] Tables =
        ["localities", "organizations", "members", "member_counts", "activities", "targets", "eligible_populations", "committees", "committee_recipients", "imports"];

    /// <returns>Rows copied per table.</returns>
    public static IReadOnlyDictionary<string, long> Copy(string sqliteConnectionString, string postgresConnectionString)
    {
        using var source = SqliteDatabase.Open(sqliteConnectionString, readOnly: true);
        using var target = PostgresDatabase.Open(postgresConnectionString);
        MigrationRunner.Apply(target);
        if (target.ExecuteScalar<long>("SELECT COUNT(*) FROM localities") > 0)
        {
            throw new ReportEngineException("The PostgreSQL database already holds localities; copy only into an empty one.");
        }

        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        using var transaction = target.BeginTransaction();
        try
        {
            foreach (var table in Tables)
            {
                copied[table] = CopyTable(source, target, table);
                if (target.ExecuteScalar<string?>(
                    "SELECT pg_get_serial_sequence(@table, 'id') FROM information_schema.columns WHERE table_name = @table AND column_name = 'id'",
                    new { table }, transaction) is { } sequence)
                {
                    // Copied ids were given explicitly: new rows must be numbered after them. (setval is not
                    // undone by a rollback; the next copy sets it again.)
                    target.Execute($"SELECT setval('{sequence}', GREATEST((SELECT MAX(id) FROM {table}), 1))", transaction: transaction);
                }
            }

            transaction.Commit();
        }
        catch (PostgresException e)
        {
            throw new ReportEngineException($"The copy into PostgreSQL failed and was rolled back, the target is left empty: {e.MessageText}{(e.Where is { } where ? $" ({where})" : "")}", e);
        }

        return copied;
    }

    private static long CopyTable(SqliteConnection source, NpgsqlConnection target, string table)
    {
        using var read = source.CreateCommand();
        // Table names come from the fixed list above, never from input.
        read.CommandText = $"SELECT * FROM {table}";
        using var reader = read.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        using var writer = target.BeginTextImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN");
        var line = new StringBuilder();
        long rows = 0;
        while (reader.Read())
        {
            line.Clear();
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }

                line.Append(reader.IsDBNull(i) ? "\\N" : Escape(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!));
            }

            writer.Write(line.Append('\n').ToString());
            rows++;
        }

        return rows;
    }

    /// <summary>COPY's text format: backslash, tab and line breaks escaped.</summary>
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);
}
