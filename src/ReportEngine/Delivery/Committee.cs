using ReportEngine.Data;

namespace ReportEngine.Delivery;

/// <summary>A Party Standing Committee: its locality (which decides what its report covers), language and channels.</summary>
public sealed record Committee(
    long Id,
    string Code,
    string Name,
    string LocalityCode,
    string LocalityName,
    string Level,
    string Language,
    string? DropFolder,
    IReadOnlyList<Recipient> Recipients)
{
    /// <summary>What its reports print as a Party document (issuing body, signer, place).</summary>
    public CommitteeSigner Signer { get; init; } = CommitteeSigner.None;
}

/// <summary>An e-mail address a committee's report goes to, as To or Cc.</summary>
public sealed record Recipient(string Address, string Role);

public static class RecipientRole
{
    public const string To = "to";
    public const string Cc = "cc";
}

/// <summary>The levels a committee can sit at: its locality's level.</summary>
public static class CommitteeLevel
{
    public static readonly IReadOnlyList<string> All = ["province", "district", "commune"];
}
