using CopyTrader.Domain.Instruments;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// Settings of one <see cref="TradovateStreamSupervisor"/>: each session's timings, the backoff between them, and
/// the market-closed hold (seed pitfall 20: reconnecting while the market is closed only earns HTTP 429s).
/// </summary>
public sealed record TradovateStreamOptions
{
    public TradovateSocketOptions Socket { get; init; } = new();

    public ReconnectBackoffOptions Backoff { get; init; } = new();

    /// <summary>
    /// When a session ends while <see cref="MarketHours"/> is closed, wait until <see cref="ReconnectLeadBeforeOpen"/>
    /// before the next open instead of following the backoff. The first connection at start is never held.
    /// </summary>
    public bool SuppressReconnectWhileMarketClosed { get; init; } = true;

    /// <summary>The trading week the hold follows (US Central Time); CME equity index futures by default.</summary>
    public FuturesSessionSchedule MarketHours { get; init; } = FuturesSessionSchedule.CmeEquityIndex;

    /// <summary>How long before the next open a held supervisor reconnects; inside this window the backoff applies.</summary>
    public TimeSpan ReconnectLeadBeforeOpen { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest single sleep of a hold: the supervisor wakes this often to re-read the wall clock (a suspended
    /// machine or a clock correction cannot stretch the hold); it still connects only once the reconnect time is reached.
    /// </summary>
    public TimeSpan MarketClosedRecheckInterval { get; init; } = TimeSpan.FromHours(1);
}
