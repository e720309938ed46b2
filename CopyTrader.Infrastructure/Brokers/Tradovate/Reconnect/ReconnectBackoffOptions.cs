namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// Exponential backoff with jitter (seed section 4): attempt n waits min(base × 2^(n−1), max) plus 0–10 % jitter.
/// Tests shorten <see cref="BaseDelay"/> and <see cref="MaxDelay"/>.
/// </summary>
public sealed record ReconnectBackoffOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest jitter as a fraction of the base delay (0.1 = up to 10 % more).</summary>
    public double JitterFraction { get; init; } = 0.1;

    /// <summary>A session that stayed synced this long resets the backoff to the first attempt.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);
}
