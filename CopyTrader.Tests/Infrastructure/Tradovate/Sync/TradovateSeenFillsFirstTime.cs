using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateSeenFillsFirstTime
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public void IsTrueOnlyTheFirstTime()
    {
        var seen = new TradovateSeenFills(3);

        Assert.True(seen.FirstTime(1, Monday));
        Assert.False(seen.FirstTime(1, Monday));
        Assert.False(seen.FirstTime(1, Monday.AddDays(1)));
    }

    [Fact]
    public void ForgetsTheOldestTradeDateBeyondTheBound()
    {
        var seen = new TradovateSeenFills(2);
        seen.FirstTime(1, Monday);
        seen.FirstTime(2, Monday.AddDays(1));

        seen.FirstTime(3, Monday.AddDays(2));

        Assert.Equal(2, seen.Count);
        Assert.False(seen.FirstTime(2, Monday.AddDays(1)));
    }

    [Fact]
    public void AFillOlderThanEveryKeptTradeDateCountsAsSeen()
    {
        var seen = new TradovateSeenFills(2);
        seen.FirstTime(1, Monday.AddDays(1));
        seen.FirstTime(2, Monday.AddDays(2));

        Assert.False(seen.FirstTime(99, Monday));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void AnOlderTradeDateIsKeptWhileThereIsRoom()
    {
        var seen = new TradovateSeenFills(3);
        seen.FirstTime(1, Monday.AddDays(1));

        Assert.True(seen.FirstTime(2, Monday));
        Assert.False(seen.FirstTime(2, Monday));
    }
}
