using System.Runtime.ExceptionServices;

namespace ReportEngine.Delivery;

/// <summary>
/// Works through a burst's committees at most N at a time. Each committee is started in committee order on
/// the calling thread (a run is queued just before it renders, so run ids follow the committees and no more
/// than N runs wait in the runs table should the process die), then finishes on a thread of its own; its
/// result keeps its committee's place. One committee's failure stops none of the others: the first
/// exception, in committee order, is thrown once every started committee has finished.
/// </summary>
internal static class BurstLanes
{
    /// <param name="items">The committees, in the order their results are wanted.</param>
    /// <param name="maxParallel">How many may be unfinished at once.</param>
    /// <param name="start">Queues an item's work (in order, one at a time) and returns the work itself.</param>
    /// <param name="cancellation">Stops starting items; those started finish or are interrupted by their own work.</param>
    public static async Task<TResult[]> RunAsync<TItem, TResult>(IReadOnlyList<TItem> items, int maxParallel,
        Func<TItem, Func<Task<TResult>>> start, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        using var lanes = new SemaphoreSlim(maxParallel, maxParallel);
        var tasks = new Task<TResult>[items.Count];
        var started = 0;
        try
        {
            for (; started < items.Count; started++)
            {
                await lanes.WaitAsync(cancellation);
                Func<Task<TResult>> work;
                try
                {
                    work = start(items[started]);
                }
#pragma warning disable CA1031 // Not swallowed: kept as this committee's outcome and thrown once the others have finished.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    lanes.Release();
                    tasks[started] = Task.FromException<TResult>(e);
                    continue;
                }

                tasks[started] = Task.Run(async () =>
                {
                    try
                    {
                        return await work();
                    }
                    finally
                    {
                        lanes.Release();
                    }
                }, CancellationToken.None);
            }
        }
        finally
        {
            // Whatever stopped the loop, the committees already started are waited for: none is left half-done.
            await Task.WhenAll(tasks.Take(started).Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellation.ThrowIfCancellationRequested();
        if (tasks.FirstOrDefault(t => t.IsFaulted || t.IsCanceled) is { } failed)
        {
            ExceptionDispatchInfo.Capture(failed.Exception?.InnerException ?? new OperationCanceledException()).Throw();
        }

        return tasks.Select(t => t.Result).ToArray();
    }
}
