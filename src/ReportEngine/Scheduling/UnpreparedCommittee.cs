using ReportEngine.Runs;

namespace ReportEngine.Scheduling;

/// <summary>
/// A committee of a burst whose report could not be prepared when its job ran (the committee was removed or renamed,
/// or its template changed, after the burst was handed out): the run it gets instead, recorded as failed with the error.
/// </summary>
internal sealed record UnpreparedCommittee(long CommitteeId, RunRecord Run, string Error);
