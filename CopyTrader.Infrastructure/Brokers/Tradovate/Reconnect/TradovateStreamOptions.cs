namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>Settings of one <see cref="TradovateStreamSupervisor"/>: each session's timings and the backoff between them.</summary>
public sealed record TradovateStreamOptions
{
    public TradovateSocketOptions Socket { get; init; } = new();

    public ReconnectBackoffOptions Backoff { get; init; } = new();
}
