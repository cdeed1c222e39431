using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.SecondProvince.Reading;

/// <summary>
/// A rendered report as poppler's `pdftotext -layout` lays it out: sections between headings, table
/// rows found by their label with the numbers on the same line, key figures under their value.
/// </summary>
public sealed partial class LayoutReport
{
    private readonly string[] _lines;

    private LayoutReport(string text) => _lines = text.Split('\n');

    public string Text => string.Join('\n', _lines);

    public static LayoutReport Read(string pdf) => new(PdfText.Poppler(pdf, layout: true));

    /// <summary>
    /// The lines under a heading (a line that is the heading and nothing else, so not the contents
    /// page's entry with its page number) up to the next heading.
    /// </summary>
    public IReadOnlyList<string> Section(string heading, IEnumerable<string> headings)
    {
        var start = Array.FindIndex(_lines, l => l.Trim() == heading);
        if (start < 0)
        {
            throw new Xunit.Sdk.XunitException($"the report has no heading \"{heading}\"");
        }

        var others = headings.Where(h => h != heading).ToHashSet(StringComparer.Ordinal);
        var end = Array.FindIndex(_lines, start + 1, l => others.Contains(l.Trim()));
        return _lines[(start + 1)..(end < 0 ? _lines.Length : end)];
    }

    /// <summary>
    /// The row whose label (every word before its first number, spaces ignored) is the given one; a
    /// label wrapped inside its cell continues on the next lines left of the numbers. Null if none.
    /// </summary>
    public static ReportRow? Row(IReadOnlyList<string> lines, string label)
    {
        var wanted = Squeeze(label);
        for (var i = 0; i < lines.Count; i++)
        {
            var tokens = Token().Matches(lines[i]).ToList();
            var first = tokens.FindIndex(t => IsNumber(t.Value));
            if (first <= 0)
            {
                continue;
            }

            var found = Squeeze(string.Concat(tokens.Take(first).Select(t => t.Value)));
            for (var next = i + 1; found != wanted && wanted.StartsWith(found, StringComparison.Ordinal) && next < lines.Count && next <= i + 3; next++)
            {
                var left = lines[next].Length > tokens[first].Index ? lines[next][..tokens[first].Index] : lines[next];
                found += Squeeze(left);
            }

            if (found == wanted)
            {
                var numbers = tokens.Skip(first).TakeWhile(t => IsNumber(t.Value)).Select(t => Number(t.Value)).ToList();
                var rest = string.Join(' ', tokens.Skip(first + numbers.Count).Select(t => t.Value));
                return new ReportRow(lines[i].Trim(), numbers, rest);
            }
        }

        return null;
    }

    /// <summary>
    /// A key figure: the label (perhaps wrapped over two lines) with its value on the line above,
    /// starting in the same column; the note is the text under the label.
    /// </summary>
    public static (decimal Value, string Note)? KeyFigure(IReadOnlyList<string> lines, string label)
    {
        var wanted = Squeeze(label);
        for (var i = 1; i < lines.Count; i++)
        {
            for (var column = lines[i].IndexOf(label.Split(' ')[0], StringComparison.Ordinal); column >= 0;
                 column = lines[i].IndexOf(label.Split(' ')[0], column + 1, StringComparison.Ordinal))
            {
                if (column > 0 && lines[i][column - 1] != ' ')
                {
                    continue;
                }

                var found = Squeeze(CellAt(lines[i], column));
                var below = i + 1;
                for (; found != wanted && wanted.StartsWith(found, StringComparison.Ordinal) && below < lines.Count && below <= i + 2; below++)
                {
                    found += Squeeze(CellAt(lines[below], column));
                }

                var above = Enumerable.Range(0, i).Reverse().Select(j => lines[j]).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
                var value = Token().Matches(above).FirstOrDefault(t => Math.Abs(t.Index - column) <= 4 && IsNumber(t.Value));
                if (found == wanted && value is not null)
                {
                    var note = string.Join(' ', Enumerable.Range(below, 4).Where(j => j < lines.Count).Select(j => CellAt(lines[j], column)).TakeWhile(c => c.Length > 0));
                    return (Number(value.Value), note);
                }
            }
        }

        return null;
    }

    public static bool IsNumber(string token) => NumberPattern().IsMatch(token);

    public static decimal Number(string token) =>
        decimal.Parse(token.Replace(",", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace('−', '-'), NumberStyles.Number, CultureInfo.InvariantCulture);

    // The text of a column cell: from the column to the next gap of three spaces or more.
    private static string CellAt(string line, int column)
    {
        if (line.Length <= column)
        {
            return "";
        }

        var from = column;
        while (from > 0 && from > column - 2 && line[from - 1] != ' ')
        {
            from--;
        }

        var gap = line.IndexOf("   ", from, StringComparison.Ordinal);
        return (gap < 0 ? line[from..] : line[from..gap]).Trim();
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[+\-−]?\d{1,3}(,\d{3})*(\.\d+)?%?$")]
    private static partial Regex NumberPattern();
}
