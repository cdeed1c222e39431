namespace ReportEngine.Import;

/// <summary>What a cell of a column holds, which decides how it is read, checked, compared and written.</summary>
public enum ColumnKind
{
    /// <summary>A stable code: ASCII lower-case letters, digits, '-', '_', '.', '/' (1-64 characters).</summary>
    Code,

    /// <summary>The code of a row of another table (or of the same table: a locality's parent).</summary>
    Reference,

    Text,

    /// <summary>One of a fixed list of values.</summary>
    Choice,

    /// <summary>A day: yyyy-MM-dd or dd/MM/yyyy text, or a date cell; stored as yyyy-MM-dd.</summary>
    Date,

    /// <summary>A whole number, 0 or more (years, counts, VND).</summary>
    WholeNumber,

    /// <summary>A decimal number (a target's value).</summary>
    Number,

    /// <summary>E-mail addresses separated by ';'.</summary>
    Addresses,
}

/// <summary>One column of the import format: its name in the header row, what it holds, and the note the template shows for it.</summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required, string Example, string NoteEn, string NoteVi)
{
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>The table a reference points into.</summary>
    public string? Target { get; init; }
}

/// <summary>
/// One table of the import format (a CSV file named table.csv, or a sheet named table). Rows are
/// matched with the database by <see cref="Key"/>: the code, or the natural key of tables without one.
/// </summary>
public sealed record TableSpec(string Name, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<string> Key)
{
    /// <summary>Tables keyed by a single code: a row absent from a new file is "missing", never deleted.</summary>
    public bool HasCode => Key is ["code"];

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        return -1;
    }
}
