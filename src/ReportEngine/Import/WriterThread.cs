using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ReportEngine.Import;

/// <summary>
/// Runs the import's writer on a thread of its own, fed in order through a bounded queue, so reading
/// and checking the next rows overlaps writing the ones before (on two cores a large import takes about
/// a third less). The writer thread is the only one using the connection while it runs: the planner
/// reads everything it compares with before the first row (<see cref="ImportPlanner.Load"/>).
/// Steps travel in batches: handing over 440,000 rows one by one kept both threads spinning on the
/// queue's lock for longer than the rows took to write.
/// A failure of the writer stops its work and is thrown again by <see cref="Drain"/>.
/// </summary>
internal sealed class WriterThread : IDisposable
{
    private const int BatchSize = 1024;
    private readonly BlockingCollection<Action[]> work = new(boundedCapacity: 8);
    private readonly Thread thread;
    private Action[] batch = new Action[BatchSize];
    private int count;
    private Exception? failure;

    public WriterThread()
    {
        thread = new Thread(Loop) { IsBackground = true, Name = "import writer" };
        thread.Start();
    }

    public void Post(Action step)
    {
        if (Volatile.Read(ref failure) is not null)
        {
            return;
        }

        batch[count++] = step;
        if (count == BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Waits until every step posted is done; throws the writer's failure, if any.</summary>
    public void Drain()
    {
        Stop();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    public void Dispose()
    {
        Stop();
        work.Dispose();
    }

    private void Flush()
    {
        if (count == 0)
        {
            return;
        }

        if (count < BatchSize)
        {
            Array.Resize(ref batch, count);
        }

        work.Add(batch);
        batch = new Action[BatchSize];
        count = 0;
    }

    private void Stop()
    {
        if (!work.IsAddingCompleted)
        {
            Flush();
            work.CompleteAdding();
        }

        thread.Join();
    }

#pragma warning disable CA1031 // Any failure of the writer is carried to the importing thread, which reports it.
    private void Loop()
    {
        foreach (var steps in work.GetConsumingEnumerable())
        {
            foreach (var step in steps)
            {
                if (failure is not null)
                {
                    break;
                }

                try
                {
                    step();
                }
                catch (Exception e)
                {
                    Volatile.Write(ref failure, e);
                }
            }
        }
    }
#pragma warning restore CA1031
}
