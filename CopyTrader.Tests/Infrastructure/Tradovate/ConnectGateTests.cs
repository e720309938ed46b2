using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class ConnectGateTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task ThirdAttemptWaitsUntilOneOfTwoFinishes()
    {
        var gate = new ConnectGate(new ConnectGateOptions { MinSpacing = TimeSpan.Zero }, _clock);

        using var first = await gate.AcquireAsync(CancellationToken.None);
        var second = await gate.AcquireAsync(CancellationToken.None);
        var third = gate.AcquireAsync(CancellationToken.None);
        await Task.Delay(50);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, gate.InFlight);
        second.Dispose();
        second.Dispose(); // a second dispose frees nothing more
        using var lease = await third.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(2, gate.InFlight);
    }

    [Fact]
    public async Task StartsAreSpacedByTheMinimum()
    {
        var gate = new ConnectGate(new ConnectGateOptions(), _clock);

        using var first = await gate.AcquireAsync(CancellationToken.None);
        var second = gate.AcquireAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task SpacingCountsFromTheLastStartNotTheRelease()
    {
        var gate = new ConnectGate(new ConnectGateOptions(), _clock);

        (await gate.AcquireAsync(CancellationToken.None)).Dispose();
        _clock.Advance(TimeSpan.FromSeconds(5));

        var later = gate.AcquireAsync(CancellationToken.None);
        Assert.True(later.IsCompleted); // 5 s after the last start: no wait
        (await later).Dispose();
        var next = gate.AcquireAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(3));
        (await next.WaitAsync(TimeSpan.FromSeconds(2))).Dispose();
    }

    [Fact]
    public async Task CancelledWaitGivesTheSlotBack()
    {
        var gate = new ConnectGate(new ConnectGateOptions(), _clock);
        using var first = await gate.AcquireAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = gate.AcquireAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, gate.InFlight);
    }
}
