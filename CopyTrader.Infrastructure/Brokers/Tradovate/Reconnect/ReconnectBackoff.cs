namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// Counts failed attempts in a row and gives the delay before the next one. The arithmetic is pure
/// (<see cref="BaseFor"/>, <see cref="DelayFor"/>); jitter comes from the injected <c>Func&lt;double&gt;</c>
/// returning a value in [0, 1). Not thread-safe: one instance per supervisor loop.
/// </summary>
public sealed class ReconnectBackoff(ReconnectBackoffOptions options, Func<double> nextJitter)
{
    /// <summary>The attempt number the next <see cref="NextDelay"/> is for (1 after a reset).</summary>
    public int Attempt { get; private set; } = 1;

    /// <summary>min(base × 2^(attempt−1), max) for attempt ≥ 1, without jitter.</summary>
    public static TimeSpan BaseFor(int attempt, ReconnectBackoffOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 62); // 2^62 ticks already exceeds any cap
        var ticks = Math.Min(options.BaseDelay.Ticks * Math.Pow(2, exponent), options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The base delay plus <paramref name="jitter"/> (clamped to [0, 1]) × the jitter fraction of it.</summary>
    public static TimeSpan DelayFor(int attempt, double jitter, ReconnectBackoffOptions options)
    {
        var baseDelay = BaseFor(attempt, options);
        var sample = double.IsNaN(jitter) ? 0 : Math.Clamp(jitter, 0, 1);
        return baseDelay + TimeSpan.FromTicks((long)(baseDelay.Ticks * options.JitterFraction * sample));
    }

    /// <summary>The delay before the next attempt; each call moves one attempt further.</summary>
    public TimeSpan NextDelay()
    {
        var delay = DelayFor(Attempt, nextJitter(), options);
        if (Attempt < int.MaxValue)
        {
            Attempt++;
        }

        return delay;
    }

    /// <summary>Starts over at attempt 1 when the session that just ended was up for at least the stable duration.</summary>
    public void OnSessionEnded(TimeSpan upFor)
    {
        if (upFor >= options.StableAfter)
        {
            Reset();
        }
    }

    public void Reset() => Attempt = 1;
}
