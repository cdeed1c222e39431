using Dapper;
using Npgsql;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// The indexes and keys of the big tables, dropped before a bulk load and made again after it:
/// building an index once over sorted millions of rows is much faster than updating it row by row,
/// and a foreign key checked once as a join is faster than a trigger per row. Read from the catalogue
/// after the migrations ran, so whatever a migration adds is restored exactly as it defined it.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<(string Table, string Name, string Definition, string Type)> _constraints;
    private readonly List<(string Name, string Definition)> _indexes;

    private DeferredIndexes(List<(string, string, string, string)> constraints, List<(string, string)> indexes)
    {
        _constraints = constraints;
        _indexes = indexes;
    }

    public static DeferredIndexes Drop(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] tables)
    {
        var constraints = connection.Query<(string, string, string, string)>(
            """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype::text
            FROM pg_constraint c
            WHERE c.conrelid::regclass::text = ANY(@tables) AND c.contype IN ('p', 'u', 'f')
            ORDER BY c.conrelid::regclass::text, c.conname
            """, new { tables }, transaction).ToList();
        var indexes = connection.Query<(string, string)>(
            """
            SELECT i.indexname, i.indexdef
            FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.indexname
            """, new { tables }, transaction).ToList();

        // Foreign keys first: a key they reference cannot go while they stand.
        foreach (var (table, name, _, _) in constraints.OrderBy(c => c.Item4 == "f" ? 0 : 1))
        {
            connection.Execute($"ALTER TABLE {table} DROP CONSTRAINT {name}", transaction: transaction);
        }

        foreach (var (name, _) in indexes)
        {
            connection.Execute($"DROP INDEX {name}", transaction: transaction);
        }

        return new DeferredIndexes(constraints, indexes);
    }

    /// <summary>Keys, then indexes, then foreign keys (which need the keys they reference).</summary>
    public void Restore(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        foreach (var (table, name, definition, _) in _constraints.Where(c => c.Type != "f"))
        {
            connection.Execute($"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", transaction: transaction, commandTimeout: 0);
        }

        foreach (var (_, definition) in _indexes)
        {
            connection.Execute(definition, transaction: transaction, commandTimeout: 0);
        }

        foreach (var (table, name, definition, _) in _constraints.Where(c => c.Type == "f"))
        {
            connection.Execute($"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", transaction: transaction, commandTimeout: 0);
        }
    }
}
