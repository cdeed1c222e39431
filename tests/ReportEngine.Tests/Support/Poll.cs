namespace ReportEngine.Tests.Support;

/// <summary>Waits for a condition another process brings about (a run record, a file), with a deadline.</summary>
public static class Poll
{
    public static async Task<T> Until<T>(Func<T?> probe, TimeSpan timeout, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (probe() is { } value && value is not false)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s in vain. {describe?.Invoke()}");
            }

            await Task.Delay(100);
        }
    }
}
