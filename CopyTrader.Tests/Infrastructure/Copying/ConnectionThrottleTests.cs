using CopyTrader.Infrastructure.Copying;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Copying;

public class ConnectionThrottleTests
{
    private readonly FakeTimeProvider _clock = new();

    private ConnectionThrottle Throttle(int concurrent, int perSecond) =>
        new(_clock, Options.Create(new CopyOptions { MaxConcurrentOrdersPerConnection = concurrent, MaxOrdersPerSecondPerConnection = perSecond }));

    [Fact]
    public async Task HoldsRequestsBeyondTheConcurrencyLimitUntilOneFinishes()
    {
        var throttle = Throttle(concurrent: 2, perSecond: 100);
        var first = await throttle.EnterAsync(1, CancellationToken.None);
        using var second = await throttle.EnterAsync(1, CancellationToken.None);

        var third = throttle.EnterAsync(1, CancellationToken.None);
        Assert.False(third.IsCompleted);
        first.Dispose();

        using var entered = await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SpacesRequestsBeyondTheRateOnTheClock()
    {
        var throttle = Throttle(concurrent: 10, perSecond: 2);
        (await throttle.EnterAsync(1, CancellationToken.None)).Dispose();
        (await throttle.EnterAsync(1, CancellationToken.None)).Dispose();

        var third = throttle.EnterAsync(1, CancellationToken.None);
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        using var entered = await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task LoginsDoNotWaitForEachOther()
    {
        var throttle = Throttle(concurrent: 1, perSecond: 1);
        using var busy = await throttle.EnterAsync(1, CancellationToken.None);

        using var other = await throttle.EnterAsync(2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
