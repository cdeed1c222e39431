namespace ReportEngine.Data;

/// <summary>
/// What a committee's reports print as a Party document (Guidance 36-HD/VPTW): the issuing body top left,
/// its symbol in the document number, the signer's authority, position and name, and the place in the date
/// line. A null part is not set; the templates print their defaults for it.
/// </summary>
public sealed record CommitteeSigner(
    string? IssuingBody,
    string? BodySymbol,
    string? SignerAuthority,
    string? SignerPosition,
    string? SignerName,
    string? Place)
{
    public static readonly CommitteeSigner None = new(null, null, null, null, null, null);

    /// <summary>The import and CSV column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["issuing_body", "body_symbol", "signer_authority", "signer_position", "signer_name", "place"];

    /// <summary>From cells by column name; an empty cell is not set.</summary>
    public static CommitteeSigner From(Func<string, string> cell)
    {
        string? Value(string column) => cell(column) is { Length: > 0 } value ? value : null;
        return new(Value("issuing_body"), Value("body_symbol"), Value("signer_authority"), Value("signer_position"), Value("signer_name"), Value("place"));
    }

    /// <summary>Each part that is wrong, as "column: what is wrong".</summary>
    public IEnumerable<string> Problems()
    {
        if (BodySymbol is { } symbol && !symbol.All(c => char.IsLetterOrDigit(c) || c is '-' or '.'))
        {
            yield return $"body_symbol: \"{symbol}\" must be letters and digits (e.g. TU, HU, ĐU)";
        }

        foreach (var (column, value) in Columns.Zip(new[] { IssuingBody, BodySymbol, SignerAuthority, SignerPosition, SignerName, Place }))
        {
            if (value is { Length: > 200 })
            {
                yield return $"{column}: longer than 200 characters";
            }
        }
    }
}
