using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

public sealed class TradovateRequestLimiterTests
{
    private const TradovateRequestPriority Normal = TradovateRequestPriority.Normal;
    private const TradovateRequestPriority Urgent = TradovateRequestPriority.Urgent;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 4, 14, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task EightyAMinuteGoAtOnceAndTheNextWaitsForTheMinuteToRoll()
    {
        using var limiter = new TradovateRequestLimiter(80, 5000, _clock);
        for (var i = 0; i < 80; i++)
        {
            Assert.True(limiter.AcquireAsync(Normal, CancellationToken.None).IsCompletedSuccessfully);
        }

        var next = limiter.AcquireAsync(Normal, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(next.IsCompleted);
        Assert.Equal(1, limiter.Waiting);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, limiter.Waiting);
    }

    [Fact]
    public async Task FiveThousandAnHourHoldsWhenTheMinuteWindowHasRoom()
    {
        using var limiter = new TradovateRequestLimiter(100, 5000, _clock);
        for (var minute = 0; minute < 50; minute++)
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.True(limiter.AcquireAsync(Normal, CancellationToken.None).IsCompletedSuccessfully);
            }

            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var next = limiter.AcquireAsync(Normal, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task UrgentRequestsGoAheadOfWaitingNormalOnes()
    {
        using var limiter = new TradovateRequestLimiter(1, 5000, _clock);
        await limiter.AcquireAsync(Normal, CancellationToken.None);
        var order = new List<string>();
        var normalA = limiter.AcquireAsync(Normal, CancellationToken.None).ContinueWith(_ => Record(order, "normal-A"), TaskScheduler.Default);
        var normalB = limiter.AcquireAsync(Normal, CancellationToken.None).ContinueWith(_ => Record(order, "normal-B"), TaskScheduler.Default);
        var close = limiter.AcquireAsync(Urgent, CancellationToken.None).ContinueWith(_ => Record(order, "urgent-close"), TaskScheduler.Default);
        var cancel = limiter.AcquireAsync(Urgent, CancellationToken.None).ContinueWith(_ => Record(order, "urgent-cancel"), TaskScheduler.Default);
        Assert.Equal(4, limiter.Waiting);

        foreach (var served in new[] { close, cancel, normalA, normalB })
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await served.WaitAsync(TimeSpan.FromSeconds(5)); // a wrong order times out here instead of hanging
        }

        Assert.Equal(["urgent-close", "urgent-cancel", "normal-A", "normal-B"], order);
    }

    [Fact]
    public async Task WaiterGetsTheFreedSlotBeforeALaterArrival()
    {
        using var limiter = new TradovateRequestLimiter(1, 5000, _clock);
        Assert.True(limiter.AcquireAsync(Normal, CancellationToken.None).IsCompletedSuccessfully);
        var first = limiter.AcquireAsync(Normal, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = limiter.AcquireAsync(Normal, CancellationToken.None);

        await first.WaitAsync(TimeSpan.FromSeconds(5)); // its continuation runs on the pool, not inline
        Assert.False(second.IsCompleted);
        Assert.Equal(1, limiter.Waiting);
    }

    [Fact]
    public async Task CanceledWaiterLeavesTheQueueWithoutTakingASlot()
    {
        using var limiter = new TradovateRequestLimiter(1, 5000, _clock);
        await limiter.AcquireAsync(Normal, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var abandoned = limiter.AcquireAsync(Normal, cts.Token);
        var kept = limiter.AcquireAsync(Normal, CancellationToken.None);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(1, limiter.Waiting);
        _clock.Advance(TimeSpan.FromMinutes(1));

        await kept.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, limiter.Waiting);
    }

    private static void Record(List<string> order, string name)
    {
        lock (order)
        {
            order.Add(name);
        }
    }
}
