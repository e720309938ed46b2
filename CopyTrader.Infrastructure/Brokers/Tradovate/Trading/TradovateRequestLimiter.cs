using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// The rate limit of one login, shared by every account on it: a request waits for a slot in every rolling window
/// (<see cref="RollingWindowLimiter"/>), and when a slot frees, waiting <see cref="TradovateRequestPriority.Urgent"/>
/// requests get it before waiting normal ones (first come, first served within a priority). Driven by a TimeProvider.
/// </summary>
internal sealed class TradovateRequestLimiter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly RollingWindowLimiter _windows;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly LinkedList<Waiter> _urgent = new();
    private readonly LinkedList<Waiter> _normal = new();
    private ITimer? _timer;

    public TradovateRequestLimiter(int requestsPerMinute, int requestsPerHour, TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _windows = new RollingWindowLimiter(
        [
            new RateWindow(requestsPerMinute, TimeSpan.FromMinutes(1)),
            new RateWindow(requestsPerHour, TimeSpan.FromHours(1)),
        ]);
    }

    /// <summary>Requests waiting for a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _urgent.Count + _normal.Count;
            }
        }
    }

    /// <summary>Completes when the request may be sent; the slot is then counted.</summary>
    public Task AcquireAsync(TradovateRequestPriority priority, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var waiter = new Waiter();
        lock (_gate)
        {
            var queue = priority == TradovateRequestPriority.Urgent ? _urgent : _normal;
            var nobodyAhead = _urgent.Count == 0 && (queue == _urgent || _normal.Count == 0);
            if (nobodyAhead && _windows.TryTake(Now))
            {
                return Task.CompletedTask;
            }

            waiter.Node = queue.AddLast(waiter);
            ServeLocked();
        }

        return WaitForSlotAsync(waiter, ct);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private async Task WaitForSlotAsync(Waiter waiter, CancellationToken ct)
    {
        using (ct.Register(() => Abandon(waiter, ct)))
        {
            await waiter.Slot.Task;
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    /// <summary>Hands out every slot that is free now, urgent waiters first, then arms the timer for the next one.</summary>
    private void ServeLocked()
    {
        while ((_urgent.First ?? _normal.First) is { } next)
        {
            var wait = _windows.WaitTime(Now);
            if (wait > TimeSpan.Zero)
            {
                _timer ??= _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
                return;
            }

            _windows.TryTake(Now);
            next.List!.Remove(next);
            var waiter = next.Value;
            waiter.Node = null;
            waiter.Slot.TrySetResult();
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            ServeLocked();
        }
    }

    private void Abandon(Waiter waiter, CancellationToken ct)
    {
        lock (_gate)
        {
            if (waiter.Node is not { } node)
            {
                return; // already served: the slot stays counted
            }

            node.List!.Remove(node);
            waiter.Node = null;
        }

        waiter.Slot.TrySetCanceled(ct);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource Slot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
