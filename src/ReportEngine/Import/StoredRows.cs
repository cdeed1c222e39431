using System.Data.Common;
using System.Globalization;

namespace ReportEngine.Import;

/// <summary>
/// The rows of each table as they stand in the database, in the import format's columns and
/// written as the import writes its values, so a row compares equal to the file row that made it.
/// Both the planner (what would change) and `import export` read the database through here.
/// </summary>
public static class StoredRows
{
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["localities"] = """
            SELECT l.code, l.name, l.level, l.unit_type, p.code, l.valid_from, l.valid_to, m.code
            FROM localities l LEFT JOIN localities p ON p.id = l.parent_id LEFT JOIN localities m ON m.id = l.merged_into_id
            ORDER BY l.id
            """,
        ["organizations"] = """
            SELECT o.code, o.name, o.name_en, o.scope, o.kind, o.field, l.code, o.founded_on, o.dissolved_on
            FROM organizations o JOIN localities l ON l.id = o.locality_id ORDER BY o.id
            """,
        // Rows written before codes existed (0004) cannot be matched or exported: they are left alone.
        ["members"] = """
            SELECT m.code, o.code, m.gender, m.birth_year, m.joined_on, m.left_on
            FROM members m JOIN organizations o ON o.id = m.organization_id WHERE m.code IS NOT NULL ORDER BY m.id
            """,
        ["member_counts"] = """
            SELECT o.code, c.counted_on, c.members
            FROM member_counts c JOIN organizations o ON o.id = c.organization_id ORDER BY o.id, c.counted_on
            """,
        ["activities"] = """
            SELECT a.code, o.code, l.code, a.held_on, a.kind, a.title, a.value_vnd
            FROM activities a LEFT JOIN organizations o ON o.id = a.organization_id JOIN localities l ON l.id = a.locality_id
            WHERE a.code IS NOT NULL ORDER BY a.id
            """,
        ["targets"] = """
            SELECT l.code, t.indicator, t.period_from, t.period_to, t.target_value, t.unit, t.resolution, t.resolution_number, t.resolution_date
            FROM targets t JOIN localities l ON l.id = t.locality_id ORDER BY t.id
            """,
        ["eligible_populations"] = """
            SELECT l.code, e.group_code, e.year, e.eligible_count, e.member_count
            FROM eligible_populations e JOIN localities l ON l.id = e.locality_id ORDER BY l.id, e.group_code, e.year
            """,
        ["committees"] = """
            SELECT c.code, c.name, l.code, c.language, c.id, NULL, c.drop_folder,
                   c.issuing_body, c.body_symbol, c.signer_authority, c.signer_position, c.signer_name, c.place
            FROM committees c JOIN localities l ON l.id = c.locality_id ORDER BY c.id
            """,
    };

    /// <summary>Every stored row of a table, streamed, each in the import format's column order.</summary>
    public static IEnumerable<string?[]> Read(DbConnection connection, TableSpec table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        var recipients = table.Name == "committees" ? Recipients(connection) : null;
        using var command = connection.CreateCommand();
        command.CommandText = Queries[table.Name];
        using var reader = command.ExecuteReader();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var row = new string?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Canonical(reader.IsDBNull(i) ? null : reader.GetValue(i), table.Columns[i], pool);
            }

            if (recipients is not null)
            {
                // Column 4 carried the committee's id: its recipients become the to and cc columns.
                var id = row[4]!;
                row[4] = recipients.GetValueOrDefault((id, "to"));
                row[5] = recipients.GetValueOrDefault((id, "cc"));
            }

            yield return row;
        }
    }

    private static Dictionary<(string Id, string Role), string> Recipients(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT committee_id, role, address FROM committee_recipients";
        using var reader = command.ExecuteReader();
        var lists = new Dictionary<(string, string), List<string>>();
        while (reader.Read())
        {
            var key = (Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetString(1));
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            list.Add(reader.GetString(2));
        }

        return lists.ToDictionary(p => p.Key, p => CellParser.Addresses(string.Join(";", p.Value))!);
    }

    private static string? Canonical(object? value, ColumnSpec column, Dictionary<string, string> pool)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d => CellParser.Canonical(d),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (text is null || column.Kind is ColumnKind.Code or ColumnKind.Text)
        {
            return text;
        }

        // Dates, numbers, references and choices repeat: one string each keeps a large table small.
        if (!pool.TryGetValue(text, out var shared))
        {
            pool[text] = shared = text;
        }

        return shared;
    }
}
