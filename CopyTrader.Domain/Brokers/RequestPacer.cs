namespace CopyTrader.Domain.Brokers;

/// <summary>
/// Spaces requests to one broker login: a burst of <c>burst</c> at once, then <c>perSecond</c> a second
/// (a generic cell-rate algorithm). Pure: the caller passes the time and waits as told, so it runs on any clock.
/// </summary>
public sealed class RequestPacer
{
    private readonly TimeSpan _interval;
    private readonly TimeSpan _burstTolerance;
    private TimeSpan _theoreticalArrival = TimeSpan.MinValue;

    public RequestPacer(int perSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perSecond);
        _burstTolerance = _interval * (burst - 1);
    }

    /// <summary>Reserves the next slot and returns how long to wait before sending (zero: send now).</summary>
    public TimeSpan Reserve(TimeSpan now)
    {
        var arrival = _theoreticalArrival > now ? _theoreticalArrival : now;
        var allowedAt = arrival - _burstTolerance;
        _theoreticalArrival = arrival + _interval;
        return allowedAt > now ? allowedAt - now : TimeSpan.Zero;
    }
}
