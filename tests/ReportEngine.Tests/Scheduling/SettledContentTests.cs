using ReportEngine.Scheduling;

namespace ReportEngine.Tests.Scheduling;

/// <summary>A schedules file read while an editor writes it is taken only once a second read finds the same content.</summary>
public sealed class SettledContentTests
{
    private const string Full = "schedules:\n  - id: first\n  - id: second\n";

    [Fact]
    public async Task A_content_read_again_unchanged_is_taken()
    {
        var reads = new Queue<string>([Full]);
        Assert.True(await SettledContent.Holds(Full, _ => Task.FromResult(reads.Dequeue()), TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.Empty(reads);
    }

    [Theory]
    [InlineData("")]
    [InlineData("schedules:\n  - id: first\n")]
    public async Task A_file_caught_empty_or_cut_short_while_written_is_not_taken(string caught)
    {
        var reads = new Queue<string>([Full]);
        Assert.False(await SettledContent.Holds(caught, _ => Task.FromResult(reads.Dequeue()), TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }

    [Theory]
    [InlineData(200, 100)]
    [InlineData(10_000, 300)]
    public void The_second_read_comes_within_half_a_reload_interval_and_at_most_300_ms(int reloadMilliseconds, int settleMilliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(settleMilliseconds), SettledContent.SettleFor(TimeSpan.FromMilliseconds(reloadMilliseconds)));
}
