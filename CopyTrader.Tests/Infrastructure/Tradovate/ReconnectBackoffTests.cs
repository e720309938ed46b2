using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class ReconnectBackoffTests
{
    private static readonly ReconnectBackoffOptions Defaults = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(100, 60)]
    [InlineData(int.MaxValue, 60)]
    public void BaseDoublesUpToTheCap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReconnectBackoff.BaseFor(attempt, Defaults));

    [Theory]
    [InlineData(0.0, 4000)]
    [InlineData(0.5, 4200)]
    [InlineData(1.0, 4400)]
    [InlineData(7.0, 4400)]
    [InlineData(-1.0, 4000)]
    public void JitterAddsUpToTenPercent(double jitter, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ReconnectBackoff.DelayFor(3, jitter, Defaults));

    [Fact]
    public void NextDelayGrowsAndResetsAfterAStableSession()
    {
        var backoff = new ReconnectBackoff(Defaults with { StableAfter = TimeSpan.FromSeconds(30) }, () => 0);

        var first = new[] { backoff.NextDelay(), backoff.NextDelay(), backoff.NextDelay() };
        backoff.OnSessionEnded(TimeSpan.FromSeconds(29));
        var unstable = backoff.NextDelay();
        backoff.OnSessionEnded(TimeSpan.FromSeconds(30));
        var afterStable = backoff.NextDelay();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], first);
        Assert.Equal(TimeSpan.FromSeconds(8), unstable);
        Assert.Equal(TimeSpan.FromSeconds(1), afterStable);
    }
}
