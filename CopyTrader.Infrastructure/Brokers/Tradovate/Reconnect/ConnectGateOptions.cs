namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// Limits on Tradovate socket connection attempts across the process (seed pitfall 23: "Semaphore(2) + 3 s sleep"
/// ended the HTTP 429 storms of many sockets reconnecting at once).
/// </summary>
public sealed record ConnectGateOptions
{
    /// <summary>How many connection attempts may be in flight at once.</summary>
    public int MaxConcurrentAttempts { get; init; } = 2;

    /// <summary>The least time between the starts of two attempts.</summary>
    public TimeSpan MinSpacing { get; init; } = TimeSpan.FromSeconds(3);
}
