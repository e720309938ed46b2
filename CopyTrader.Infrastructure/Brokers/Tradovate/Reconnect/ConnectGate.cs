namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// The process-wide gate for Tradovate socket connection attempts (register once as a singleton): at most
/// <see cref="ConnectGateOptions.MaxConcurrentAttempts"/> in flight, and attempt starts at least
/// <see cref="ConnectGateOptions.MinSpacing"/> apart. Waiting callers are served first come, first served by
/// the semaphore; the spacing is reserved once a slot is held.
/// </summary>
public sealed class ConnectGate
{
    private readonly ConnectGateOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _lock = new();
    private long? _lastStart;

    public ConnectGate(ConnectGateOptions options, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSpacing, TimeSpan.Zero);
        _options = options;
        _timeProvider = timeProvider;
        _slots = new SemaphoreSlim(options.MaxConcurrentAttempts, options.MaxConcurrentAttempts);
    }

    /// <summary>How many attempts hold the gate now.</summary>
    public int InFlight => _options.MaxConcurrentAttempts - _slots.CurrentCount;

    /// <summary>Waits for a free slot and the spacing; dispose the lease when the attempt has connected or failed.</summary>
    public async Task<ConnectGateLease> AcquireAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            var wait = ReserveStart();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, ct);
            }

            return new ConnectGateLease(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Books the next start at the later of now and the previous start plus the spacing; returns the wait.</summary>
    private TimeSpan ReserveStart()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            var wait = _lastStart is { } last ? _options.MinSpacing - _timeProvider.GetElapsedTime(last, now) : TimeSpan.Zero;
            if (wait < TimeSpan.Zero)
            {
                wait = TimeSpan.Zero;
            }

            _lastStart = now + (long)(wait.TotalSeconds * _timeProvider.TimestampFrequency);
            return wait;
        }
    }
}
