using Microsoft.Data.Sqlite;

namespace ReportEngine.Data;

/// <summary>
/// What a SQLite error means to the person who pointed us at the file: not a database, damaged,
/// locked by another process past the wait, or a full disk; one line naming the file.
/// </summary>
public static class SqliteFailure
{
    // SQLite result codes (https://www.sqlite.org/rescode.html), primary parts.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int NotADatabase = 26;

    public static ReportEngineException Describe(string file, SqliteException error, TimeSpan? waited = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var cause = (error.SqliteErrorCode & 0xff) switch
        {
            NotADatabase => "is not a SQLite database (or is encrypted); point --db at your organisations database, or create one with `db init`",
            Corrupt => "is damaged (truncated or overwritten: SQLite says the database disk image is malformed); restore it from a backup",
            Busy or Locked => $"is locked by another process, which held it longer than the wait{(waited is { } w ? $" ({w.TotalSeconds:0.#} s)" : "")}; try again when it is done",
            Full => "cannot grow: the disk is full",
            IoError => $"cannot be read or written ({error.Message})",
            _ => $"failed: {error.Message}",
        };
        return new ReportEngineException(MessageText.OneLine($"the database {file} {cause}."), error);
    }
}
