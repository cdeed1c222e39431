using Dapper;
using Npgsql;

namespace ReportEngine.Data;

/// <summary>
/// Every way a PostgreSQL role could change the organisations data, as short phrases ("has INSERT on
/// members"); none for a role that may only read. Grants reached through role membership count, and so
/// does membership itself: a member can SET ROLE to the other role even without inheriting its rights.
/// </summary>
public static class PostgresWriteAccess
{
    // Predefined roles that only read (statistics, settings, all data): membership in them is harmless.
    private const string Sql = """
        WITH reader AS (SELECT oid, rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = @role),
        relations AS (
            SELECT c.oid, c.relkind, c.relowner
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
        )
        SELECT 'is a superuser' FROM reader WHERE rolsuper
        UNION ALL SELECT 'may create roles' FROM reader WHERE rolcreaterole
        UNION ALL SELECT 'bypasses row-level security' FROM reader WHERE rolbypassrls
        UNION ALL SELECT format('is a member of %s', r.rolname) FROM reader, pg_roles r
            WHERE r.oid <> reader.oid AND pg_has_role(reader.oid, r.oid, 'MEMBER')
              AND r.rolname NOT IN ('pg_read_all_data', 'pg_read_all_settings', 'pg_read_all_stats', 'pg_stat_scan_tables', 'pg_monitor')
        UNION ALL SELECT format('owns %s', rel.oid::regclass) FROM reader, relations rel WHERE rel.relowner = reader.oid
        UNION ALL SELECT format('has %s on %s', p.privilege, rel.oid::regclass)
            FROM reader, relations rel, unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
            WHERE rel.relkind <> 'S' AND has_table_privilege(reader.oid, rel.oid, p.privilege)
        UNION ALL SELECT format('has %s on the sequence %s', p.privilege, rel.oid::regclass)
            FROM reader, relations rel, unnest(ARRAY['USAGE', 'UPDATE']) AS p(privilege)
            WHERE rel.relkind = 'S' AND has_sequence_privilege(reader.oid, rel.oid, p.privilege)
        UNION ALL SELECT format('may create objects in the schema %s', n.nspname) FROM reader, pg_namespace n
            WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND has_schema_privilege(reader.oid, n.oid, 'CREATE')
        """;

    public static IReadOnlyList<string> Of(NpgsqlConnection connection, string role, NpgsqlTransaction? transaction = null) =>
        connection.Query<string>(Sql, new { role }, transaction).ToList();

    /// <summary>"has INSERT on members; owns scratch" — the first few, and how many more.</summary>
    public static string Describe(IReadOnlyList<string> problems)
    {
        const int Shown = 4;
        var shown = string.Join("; ", problems.Take(Shown));
        return problems.Count > Shown ? $"{shown}; and {problems.Count - Shown} more" : shown;
    }
}
