using System.Globalization;
using System.Text;
using Dapper;

namespace ReportEngine.Data;

/// <summary>A locality as a person picks it: its code (what a report takes), name, level, the unit above it, and the day it ceased (merged or abolished), if it did.</summary>
public sealed record LocalityEntry(string Code, string Name, string Level, string? ParentName, string? ValidTo);

/// <summary>
/// The localities a report can be asked for, searched by code or name without regard to case or Vietnamese
/// diacritics ("ham tan" finds Hàm Tân): the console's locality picker. Units merged or abolished since are
/// listed too (with the day they ceased): reports about past years are asked for them.
/// </summary>
public sealed class LocalityDirectory(string connectionString)
{
    public const int DefaultLimit = 200;

    public IReadOnlyList<LocalityEntry> Search(string? text, int limit = DefaultLimit)
    {
        var all = All();
        var wanted = Fold(text ?? "");
        return (wanted.Length == 0 ? all : all.Where(l => Fold(l.Code).Contains(wanted, StringComparison.Ordinal) || Fold(l.Name).Contains(wanted, StringComparison.Ordinal)))
            .Take(limit)
            .ToList();
    }

    private List<LocalityEntry> All()
    {
        using var connection = StateDatabase.Open(connectionString, readOnly: true);
        return connection.Query<LocalityEntry>(
            """
            SELECT l.code AS Code, l.name AS Name, l.level AS Level, p.name AS ParentName, l.valid_to AS ValidTo
            FROM localities l LEFT JOIN localities p ON p.id = l.parent_id
            ORDER BY CASE l.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, l.name, l.code
            """).AsList();
    }

    /// <summary>Lower case without diacritics; đ is its own letter to Unicode, so it is folded by hand.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c == '-' ? ' ' : c);
            }
        }

        return folded.ToString();
    }
}
