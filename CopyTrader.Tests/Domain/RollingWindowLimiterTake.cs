using CopyTrader.Domain.Brokers;

namespace CopyTrader.Tests.Domain;

public class RollingWindowLimiterTake
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void TakesEightyAMinuteThenWaitsForTheOldestToLeaveTheWindow()
    {
        var limiter = new RollingWindowLimiter([new RateWindow(80, Minute), new RateWindow(5000, Hour)]);
        var start = TimeSpan.FromSeconds(10);
        for (var i = 0; i < 80; i++)
        {
            Assert.True(limiter.TryTake(start + TimeSpan.FromMilliseconds(100 * i)));
        }

        Assert.False(limiter.TryTake(start + TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.WaitTime(start + TimeSpan.FromSeconds(30)));
        Assert.False(limiter.TryTake(start + Minute - TimeSpan.FromTicks(1)));
        Assert.True(limiter.TryTake(start + Minute));
        Assert.False(limiter.TryTake(start + Minute));
        Assert.True(limiter.TryTake(start + Minute + TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void HourWindowBindsWhenTheMinuteWindowWouldAllowMore()
    {
        var limiter = new RollingWindowLimiter([new RateWindow(100, Minute), new RateWindow(5000, Hour)]);
        for (var minute = 0; minute < 50; minute++)
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.True(limiter.TryTake(Minute * minute));
            }
        }

        Assert.Equal(5000, limiter.CountIn(Hour, Minute * 50));
        Assert.Equal(0, limiter.CountIn(Minute, Minute * 50));
        Assert.Equal(Minute * 10, limiter.WaitTime(Minute * 50));
        Assert.False(limiter.TryTake(Minute * 59));
        Assert.True(limiter.TryTake(Hour));
        Assert.Equal(4901, limiter.CountIn(Hour, Hour)); // the 100 of minute 0 left, one came in
    }

    [Fact]
    public void RefusedRequestIsNotCounted()
    {
        var limiter = new RollingWindowLimiter([new RateWindow(1, Minute)]);

        Assert.True(limiter.TryTake(TimeSpan.Zero));
        Assert.False(limiter.TryTake(TimeSpan.FromSeconds(59)));

        Assert.True(limiter.TryTake(Minute));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(-1, 60)]
    [InlineData(5, 0)]
    public void RejectsEmptyWindows(int limit, int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindowLimiter([new RateWindow(limit, TimeSpan.FromSeconds(seconds))]));
    }

    [Fact]
    public void RejectsNoWindowAtAll()
    {
        Assert.Throws<ArgumentException>(() => new RollingWindowLimiter([]));
    }
}
