using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells a test when code arms a timer for a given delay (Task.Delay and
/// timeouts arm one), so the test advances time exactly when the code is waiting rather than guessing.
/// </summary>
internal sealed class WatchedClock(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _armed = new();
    private readonly SemaphoreSlim _signal = new(0);

    public FakeTimeProvider Fake { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public void Advance(TimeSpan by) => Fake.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Armed(dueTime);
        return new WatchedTimer(Fake.CreateTimer(callback, state, dueTime, period), this);
    }

    /// <summary>Waits (real time, bounded) until some timer has been armed for exactly <paramref name="due"/>.</summary>
    public async Task WaitForTimerAsync(TimeSpan due)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!_armed.Contains(due))
        {
            await _signal.WaitAsync(cts.Token);
        }

        // Forget it so a later wait for the same delay needs a new timer.
        var keep = _armed.Where(d => d != due).ToList();
        _armed.Clear();
        keep.ForEach(_armed.Enqueue);
    }

    private void Armed(TimeSpan due)
    {
        if (due != Timeout.InfiniteTimeSpan)
        {
            _armed.Enqueue(due);
            _signal.Release();
        }
    }

    private sealed class WatchedTimer(ITimer inner, WatchedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Armed(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
