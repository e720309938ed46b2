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

    /// <summary>How long the WebSocket connect (TCP, TLS, upgrade) may take (seed part 3: CONNECTION_TIMEOUT 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after the connect the session waits for the server's <c>o</c> frame.</summary>
    public TimeSpan OpenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after sending <c>authorize</c> the session waits for its answer.</summary>
    public TimeSpan AuthorizeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after sending <c>user/syncrequest</c> the session waits for its answer (the snapshot).</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the session waits for the closing handshake before aborting the socket.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
