namespace CopyTrader.Domain.Brokers;

/// <summary>At most <see cref="Limit"/> requests in any span of <see cref="Length"/>.</summary>
public sealed record RateWindow(int Limit, TimeSpan Length);

/// <summary>
/// Counts requests in several rolling windows at once (e.g. 80 a minute and 5,000 an hour): a request may go when
/// every window has room. Pure and not thread-safe: the caller passes a monotonic time and serialises calls.
/// </summary>
public sealed class RollingWindowLimiter
{
    private readonly (RateWindow Window, Queue<TimeSpan> Sent)[] _windows;

    public RollingWindowLimiter(IEnumerable<RateWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _windows = windows.Select(Checked).Select(w => (w, new Queue<TimeSpan>(Math.Min(w.Limit, 1024)))).ToArray();
        if (_windows.Length == 0)
        {
            throw new ArgumentException("A rolling-window limiter needs at least one window.", nameof(windows));
        }
    }

    /// <summary>How long until a request may go (zero: now). Does not take the slot.</summary>
    public TimeSpan WaitTime(TimeSpan now)
    {
        var wait = TimeSpan.Zero;
        foreach (var (window, sent) in _windows)
        {
            Expire(window, sent, now);
            if (sent.Count >= window.Limit)
            {
                // The oldest request inside the window leaves it at its time + the window's length.
                var free = sent.Peek() + window.Length - now;
                wait = free > wait ? free : wait;
            }
        }

        return wait;
    }

    /// <summary>Takes a slot when one is free now; false (and nothing recorded) otherwise.</summary>
    public bool TryTake(TimeSpan now)
    {
        if (WaitTime(now) > TimeSpan.Zero)
        {
            return false;
        }

        foreach (var (_, sent) in _windows)
        {
            sent.Enqueue(now);
        }

        return true;
    }

    /// <summary>Requests counted in the window of the given length (after expiring old ones).</summary>
    public int CountIn(TimeSpan length, TimeSpan now)
    {
        var (window, sent) = _windows.First(w => w.Window.Length == length);
        Expire(window, sent, now);
        return sent.Count;
    }

    private static void Expire(RateWindow window, Queue<TimeSpan> sent, TimeSpan now)
    {
        while (sent.Count > 0 && sent.Peek() + window.Length <= now)
        {
            sent.Dequeue();
        }
    }

    private static RateWindow Checked(RateWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.Limit, 1, nameof(window));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window.Length, TimeSpan.Zero, nameof(window));
        return window;
    }
}
