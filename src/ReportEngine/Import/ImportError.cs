namespace ReportEngine.Import;

/// <summary>One thing wrong with an import: where (file, sheet, row, column), the value found, and why.</summary>
public sealed record ImportError(string File, string? Sheet, int Row, string? Column, string? Value, string Why)
{
    public string Format(ImportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var where = Sheet is null ? File : $"{File} [{Sheet}]";
        var parts = new List<string> { Row > 0 ? $"{where} {text.Row} {Row}" : where };
        if (Column is not null)
        {
            parts.Add($"{text.Column} {MessageText.Value(Column)}");
        }

        if (Value is not null)
        {
            parts.Add($"{text.Value} \"{MessageText.Value(Value)}\"");
        }

        return MessageText.OneLine(string.Join(", ", parts) + ": " + Why);
    }
}

/// <summary>
/// An import refused: every error found, one line each, then a count. The command line prints each
/// line after "error: "; nothing was changed.
/// </summary>
public sealed class ImportRejectedException : ReportEngineException
{
    public ImportRejectedException(IReadOnlyList<ImportError> errors, ImportText text)
        : base(string.Join("\n", Describe(errors, text)))
    {
        Errors = errors;
        Lines = Describe(errors, text);
    }

    public ImportRejectedException()
    {
        Errors = [];
        Lines = [];
    }

    public ImportRejectedException(string message)
        : base(message)
    {
        Errors = [];
        Lines = [message];
    }

    public ImportRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
        Lines = [message];
    }

    public IReadOnlyList<ImportError> Errors { get; }

    public IReadOnlyList<string> Lines { get; }

    private static List<string> Describe(IReadOnlyList<ImportError> errors, ImportText text) =>
        [.. errors.Select(e => e.Format(text)), text.ErrorCount(errors.Count)];
}
