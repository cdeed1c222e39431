using System.Buffers;
using System.Text;

namespace ReportEngine.Import;

/// <summary>
/// Reads a CSV file as RFC 4180 says, streaming: UTF-8 with or without BOM, ',' or ';' between
/// fields (whichever the header line uses), quoted fields holding delimiters, quotes ("") and line
/// breaks. A row number counts records, not lines, as a spreadsheet would show them.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly StreamReader reader;
    private const int DistinctLimit = 20_000;
    private readonly List<object?> cells = [];

    /// <summary>
    /// Per column, the values read so far: an organisation's code, a gender, a year or a date repeats
    /// over 440,000 rows and is made a string once. A column that keeps bringing new values (codes,
    /// names) stops being pooled at <see cref="DistinctLimit"/>.
    /// </summary>
    private readonly List<Dictionary<string, string>> pools = [];
    private static readonly SearchValues<char> QuoteOnly = SearchValues.Create("\"");
    private readonly SearchValues<char> special;
    private readonly char[] buffer = new char[1 << 16];
    private char[] field = new char[256];
    private int length;
    private int position;
    private int filled;
    private readonly char delimiter;
    private int record;

    public CsvTableReader(string path)
    {
        File = Path.GetFileName(path);
        // Strict UTF-8: a file saved in another encoding is refused rather than read as mojibake.
        reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        delimiter = DetectDelimiter();
        special = SearchValues.Create([delimiter, '"', '\n', '\r']);
        // The BOM is skipped by the reader, but re-reading after the delimiter check may leave it on the first name.
        Header = ReadRecord() is { } header ? header.Select(h => ((string)h!).Trim().TrimStart('\uFEFF')).ToList() : [];
        record = 1;
    }

    public string File { get; }

    public string? Sheet => null;

    public IReadOnlyList<string> Header { get; }

    public IEnumerable<SourceRow> Rows()
    {
        while (ReadRecord() is { } cells)
        {
            record++;
            if (cells is [""])
            {
                continue; // an empty line, often the last one
            }

            yield return new SourceRow(record, cells);
        }
    }

    public void Dispose() => reader.Dispose();

    /// <summary>The header line decides: more ';' than ',' outside quotes means a semicolon file (Excel in a Vietnamese locale writes those).</summary>
    private char DetectDelimiter()
    {
        var (commas, semicolons, quoted) = (0, 0, false);
        var buffer = new char[4096];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        for (var i = 0; i < read; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        return semicolons > commas ? ';' : ',';
    }

    private object?[]? ReadRecord()
    {
        var c = Read();
        if (c < 0)
        {
            return null;
        }

        cells.Clear();
        length = 0;
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0)
                {
                    break; // an unclosed quote ends with the file; the row's checks say what is wrong
                }

                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Append('"');
                        Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    Append((char)c);
                    AppendUntil(QuoteOnly); // the rest of the quoted text, up to the next quote
                }
            }
            else if (c == '"' && length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(Take(wasQuoted));
                wasQuoted = false;
            }
            else if (c is '\n' or '\r' or < 0)
            {
                if (c == '\r' && Peek() == '\n')
                {
                    Read();
                }

                break;
            }
            else
            {
                Append((char)c);
                AppendUntil(special); // the rest of the field, up to the next delimiter, quote or line break
            }

            c = Read();
        }

        cells.Add(Take(wasQuoted));
        return [.. cells];
    }

    /// <summary>The next character of the file, or -1 at its end.</summary>
    private int Read()
    {
        if (position == filled && !Fill())
        {
            return -1;
        }

        return buffer[position++];
    }

    private int Peek()
    {
        if (position == filled && !Fill())
        {
            return -1;
        }

        return buffer[position];
    }

    private bool Fill()
    {
        filled = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return filled > 0;
    }

    /// <summary>Takes the buffered characters up to (not including) the next of <paramref name="stop"/>, as one copy.</summary>
    private void AppendUntil(SearchValues<char> stop)
    {
        var rest = buffer.AsSpan(position, filled - position);
        var found = rest.IndexOfAny(stop);
        var run = found < 0 ? rest : rest[..found];
        if (length + run.Length > field.Length)
        {
            Array.Resize(ref field, Math.Max(field.Length * 2, length + run.Length));
        }

        run.CopyTo(field.AsSpan(length));
        length += run.Length;
        position += run.Length;
    }

    private void Append(char c)
    {
        if (length == field.Length)
        {
            Array.Resize(ref field, field.Length * 2);
        }

        field[length++] = c;
    }

    /// <summary>Unquoted fields lose surrounding spaces; quoted ones keep what the quotes hold.</summary>
    private string Take(bool wasQuoted)
    {
        var span = wasQuoted ? field.AsSpan(0, length) : field.AsSpan(0, length).Trim();
        length = 0;
        if (span.IsEmpty)
        {
            return "";
        }

        // Empty fields take no pool, so a row may reach a column whose pool the rows before never needed.
        while (pools.Count <= cells.Count)
        {
            pools.Add(new Dictionary<string, string>(StringComparer.Ordinal));
        }

        var pool = pools[cells.Count];
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var known))
        {
            return known;
        }

        var value = span.ToString();
        if (pool.Count < DistinctLimit)
        {
            pool.Add(value, value);
        }

        return value;
    }
}
