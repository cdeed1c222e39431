namespace ReportEngine.Import;

/// <summary>Rows read per table, on one rewritten line of a terminal's stderr; nothing when stderr is a file or a pipe.</summary>
public sealed class ImportProgress(TextWriter error)
{
    private bool written;

    /// <summary>Progress for the command line's error writer, or null when nobody watches it.</summary>
    public static ImportProgress? For(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ImportProgress(error) : null;

    public void Report(string table, int rows)
    {
        error.Write($"\r{table}: {rows:N0} rows\u001b[K");
        written = true;
    }

    public void Done()
    {
        if (written)
        {
            error.Write("\r\u001b[K");
        }
    }
}
