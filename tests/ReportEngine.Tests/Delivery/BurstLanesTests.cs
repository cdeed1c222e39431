using ReportEngine.Delivery;

namespace ReportEngine.Tests.Delivery;

/// <summary>How a burst spreads its committees over lanes: bounded, started in order, results in order, failures kept to their committee.</summary>
public sealed class BurstLanesTests
{
    [Fact]
    public async Task Committees_start_in_order_run_at_most_the_given_number_at_once_and_results_keep_their_order()
    {
        var (running, most) = (0, 0);
        var started = new List<int>();
        var results = await BurstLanes.RunAsync<int, int>(Enumerable.Range(0, 12).ToList(), 3, item =>
        {
            started.Add(item);
            return async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                // Later items finish first: the results must still come back in item order.
                await Task.Delay(40 - (3 * (item % 4)));
                Interlocked.Decrement(ref running);
                return item * 10;
            };
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 12), started);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 10), results);
        Assert.InRange(most, 2, 3);
    }

    [Fact]
    public async Task A_failing_committee_stops_none_of_the_others_and_its_error_is_thrown_once_all_have_finished()
    {
        var finished = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BurstLanes.RunAsync<int, int>(Enumerable.Range(0, 6).ToList(), 2, item => async () =>
        {
            await Task.Delay(10);
            if (item == 1)
            {
                throw new InvalidOperationException("committee 1 failed");
            }

            Interlocked.Increment(ref finished);
            return item;
        }, CancellationToken.None));

        Assert.Equal("committee 1 failed", error.Message);
        Assert.Equal(5, finished);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
