namespace ReportEngine.Runs;

/// <summary>Which runs a listing shows; null means "any". Times are instants (stored UTC), From inclusive, To exclusive, on queued_at.</summary>
public sealed record RunFilter(string? Template = null, string? Status = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? RequestedBy = null);

/// <summary>
/// One page of runs, newest first. <see cref="NextBefore"/> is the keyset for the next (older) page:
/// pass it as <c>before</c>; null on the last page. Keyset, not offset: a run inserted while someone pages
/// shifts nothing, so no run is skipped or shown twice, and page 1,000 costs what page 1 costs.
/// </summary>
public sealed record RunPage(IReadOnlyList<RunRecord> Runs, long? NextBefore)
{
    /// <summary>
    /// The keyset of the newer (previous) page: pass it as <c>after</c> to <see cref="RunQueries.Newer"/>; null when
    /// this page is the newest (as far as this page knows: a page read by <c>before</c> assumes newer runs exist).
    /// </summary>
    public long? NewerAfter { get; init; }
}
