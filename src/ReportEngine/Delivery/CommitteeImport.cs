using System.Text;
using ReportEngine.Data;

namespace ReportEngine.Delivery;

/// <summary>
/// Reads committees from a CSV file (UTF-8, header line required, any column order):
/// code,name,locality,language,to,cc,drop_folder and the Party document's issuing_body, body_symbol,
/// signer_authority, signer_position, signer_name, place — to and cc hold addresses separated by ';'.
/// Every row is checked (address, locality that exists, language) and any problem, named by line
/// and column, refuses the whole file, so an import is all or nothing.
/// </summary>
public static class CommitteeImport
{
    public static readonly IReadOnlyList<string> Columns = ["code", "name", "locality", "language", "to", "cc", "drop_folder", .. CommitteeSigner.Columns];

    private static readonly string[] RequiredColumns = ["code", "locality"];

    public static IReadOnlyList<CommitteeChange> Read(string file, Func<string, bool> localityExists)
    {
        if (!File.Exists(file))
        {
            throw new ReportEngineException($"There is no file {file}.");
        }

        return Read(file, File.ReadAllLines(file, Encoding.UTF8), localityExists);
    }

    /// <summary>The file's lines as read; <paramref name="file"/> names it in every message (a path, or an upload's name).</summary>
    public static IReadOnlyList<CommitteeChange> Read(string file, IReadOnlyList<string> lines, Func<string, bool> localityExists)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ReportEngineException($"{file}: the file is empty; the first line must name the columns ({string.Join(",", Columns)}).");
        }

        var header = CsvLine.Split(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var problems = new List<string>();
        foreach (var required in RequiredColumns.Where(r => !header.Contains(r)))
        {
            problems.Add($"{file}:1: the column \"{required}\" is missing");
        }

        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
        {
            problems.Add($"{file}:1: unknown column \"{MessageText.Value(unknown)}\" (known: {string.Join(", ", Columns)})");
        }

        var changes = new List<CommitteeChange>();
        var rows = problems.Count == 0 ? lines.Count : 1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < rows; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var where = $"{file}:{i + 1}";
            var cells = CsvLine.Split(lines[i]);
            string Cell(string column)
            {
                var index = header.IndexOf(column);
                return index >= 0 && index < cells.Count ? cells[index].Trim().Normalize(NormalizationForm.FormC) : "";
            }

            var (change, own) = CommitteeRules.Check(Cell("code"), Cell("name"), Cell("locality"), Cell("language"),
                Cell("to"), Cell("cc"), Cell("drop_folder"), localityExists, CommitteeSigner.From(Cell));
            if (change.Code.Length > 0 && !seen.Add(change.Code))
            {
                own.Add($"code: the committee \"{change.Code}\" appears twice in the file");
            }

            problems.AddRange(own.Select(p => $"{where}: {MessageText.OneLine(p)}"));
            changes.Add(change);
        }

        return problems.Count == 0
            ? changes
            : throw new ReportEngineException($"{problems.Count} problem(s); nothing was imported:\n  " + string.Join("\n  ", problems));
    }
}

/// <summary>One CSV line: comma-separated, fields may be quoted with "", a quote inside written "".</summary>
internal static class CsvLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
