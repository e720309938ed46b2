namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>Timings and limits of one <see cref="TradovateSocketSession"/>; tests shorten the intervals.</summary>
public sealed record TradovateSocketOptions
{
    /// <summary>How often the client sends <c>[]</c> (protocol file 1.5: about every 2.5 s) [C].</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// How long without any server frame before the connection counts as dead. The server sends
    /// <c>h</c> about every 2.5 s when idle [C]; 10 s tolerates a few lost heartbeats.
    /// </summary>
    public TimeSpan ServerSilenceTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest message (assembled from its WebSocket fragments) the session accepts.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How long the session waits for the connect and for the closing handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
