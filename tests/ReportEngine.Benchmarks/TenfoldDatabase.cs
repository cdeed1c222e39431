using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The demo database plus nine copies of its localities, organisations, members and activities under other codes:
/// ten times the members, nine tenths of them outside every demo locality. A demo report that reads only its
/// own area should not notice them.
/// </summary>
internal static class TenfoldDatabase
{
    public const int Copies = 9;

    /// <summary>Copies <paramref name="demo"/> to <paramref name="target"/> and adds the copies: INSERT … SELECT with the member indexes rebuilt once at the end.</summary>
    public static void Create(string demo, string target)
    {
        File.Copy(demo, target, overwrite: true);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        connection.Open();
        // A throwaway file built in one go: no journal, no syncing; WAL again at the end, as the engine expects.
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;");
        var memberIndexes = Strings(connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL");
        var indexNames = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL");
        Execute(connection, "BEGIN");
        foreach (var name in indexNames)
        {
            Execute(connection, $"DROP INDEX {name}");
        }

        var localities = Scalar(connection, "SELECT MAX(id) FROM localities") + 1;
        var organizations = Scalar(connection, "SELECT MAX(id) FROM organizations") + 1;
        var members = Scalar(connection, "SELECT MAX(id) FROM members") + 1;
        var activities = Scalar(connection, "SELECT MAX(id) FROM activities") + 1;
        for (var copy = 1; copy <= Copies; copy++)
        {
            var suffix = "-x" + copy.ToString(CultureInfo.InvariantCulture);
            var (l, o, m, a) = (localities * copy, organizations * copy, members * copy, activities * copy);
            Execute(connection, Format($"""
                INSERT INTO localities (id, code, name, level, unit_type, parent_id, valid_from, valid_to, merged_into_id)
                SELECT id + {l}, code || '{suffix}', name || ' {copy}', level, unit_type, parent_id + {l}, valid_from, valid_to, merged_into_id + {l}
                FROM localities WHERE id < {localities};
                INSERT INTO organizations (id, code, name, name_en, scope, kind, field, locality_id, founded_on, dissolved_on)
                SELECT id + {o}, code || '{suffix}', name, name_en, scope, kind, field, locality_id + {l}, founded_on, dissolved_on
                FROM organizations WHERE id < {organizations};
                INSERT INTO members (id, code, organization_id, gender, birth_year, joined_on, left_on)
                SELECT id + {m}, code || '{suffix}', organization_id + {o}, gender, birth_year, joined_on, left_on
                FROM members WHERE id < {members};
                INSERT INTO activities (id, code, organization_id, locality_id, held_on, kind, title, value_vnd)
                SELECT id + {a}, code || '{suffix}', organization_id + {o}, locality_id + {l}, held_on, kind, title, value_vnd
                FROM activities WHERE id < {activities};
                INSERT INTO member_counts (organization_id, counted_on, members)
                SELECT organization_id + {o}, counted_on, members FROM member_counts WHERE organization_id < {organizations};
                """));
        }

        foreach (var sql in memberIndexes)
        {
            Execute(connection, sql);
        }

        Execute(connection, "COMMIT");
        // No ANALYZE: the demo has no statistics either, so both databases get the same query plans.
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    private static string Format(FormattableString sql) => sql.ToString(CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
