namespace ReportEngine.Scheduling;

/// <summary>
/// A file an editor is writing can be read half-way: written in place, it is empty or cut short for a moment. A
/// new content is taken only once a second read, a moment later, finds the same: a schedules file read half-written
/// would otherwise remove the schedules the editor had not reached yet, and with their triggers the firing history
/// misfire handling needs.
/// </summary>
internal static class SettledContent
{
    /// <summary>The longest wait before the second read; shorter when the file is re-read more often than that.</summary>
    public static readonly TimeSpan LongestSettle = TimeSpan.FromMilliseconds(300);

    public static TimeSpan SettleFor(TimeSpan reloadInterval) => reloadInterval / 2 < LongestSettle ? reloadInterval / 2 : LongestSettle;

    /// <summary>Whether <paramref name="read"/>, after <paramref name="settle"/>, still gives <paramref name="content"/>.</summary>
    public static async Task<bool> Holds(string content, Func<CancellationToken, Task<string>> read, TimeSpan settle, TimeProvider clock,
        CancellationToken cancellation)
    {
        await Task.Delay(settle, clock, cancellation);
        return string.Equals(await read(cancellation), content, StringComparison.Ordinal);
    }
}
