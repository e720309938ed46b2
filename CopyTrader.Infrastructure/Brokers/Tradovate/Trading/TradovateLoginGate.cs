namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// What every client of one login shares: its rate limiter and its lock. A lock ends by itself at its time; a
/// second lock never shortens the first.
/// </summary>
internal sealed class TradovateLoginGate(TradovateRequestLimiter limiter, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private TradovateLoginLock? _lock;

    public TradovateRequestLimiter Limiter { get; } = limiter;

    public TradovateLoginLock? CurrentLock
    {
        get
        {
            lock (_gate)
            {
                if (_lock is not null && time.GetUtcNow() >= _lock.Until)
                {
                    _lock = null;
                }

                return _lock;
            }
        }
    }

    public TradovateLoginLock LockFor(TimeSpan duration, string reason)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + duration;
            if (_lock is null || _lock.Until < until)
            {
                _lock = new TradovateLoginLock(reason, until);
            }

            return _lock;
        }
    }

    public void Dispose() => Limiter.Dispose();
}
