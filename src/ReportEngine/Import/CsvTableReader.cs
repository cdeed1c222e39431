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
    private readonly StringBuilder field = new();
    private readonly List<object?> cells = [];
    private readonly char delimiter;
    private int record;

    public CsvTableReader(string path)
    {
        File = Path.GetFileName(path);
        // Strict UTF-8: a file saved in another encoding is refused rather than read as mojibake.
        reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        delimiter = DetectDelimiter();
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
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        cells.Clear();
        field.Clear();
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
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
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
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                break;
            }
            else
            {
                field.Append((char)c);
            }

            c = reader.Read();
        }

        cells.Add(Take(wasQuoted));
        return [.. cells];
    }

    /// <summary>Unquoted fields lose surrounding spaces; quoted ones keep what the quotes hold.</summary>
    private string Take(bool wasQuoted)
    {
        var value = wasQuoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }
}
