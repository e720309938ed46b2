using System.ComponentModel.DataAnnotations;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Connector;

/// <summary>
/// Section <c>Tradovate</c> (beside <see cref="TradovateOptions"/>): how user streams connect. Seed pitfall 23: never
/// more than two connection attempts at once across the app, started apart, or Tradovate answers with 429 storms.
/// </summary>
public sealed class TradovateStreamSettings
{
    /// <summary>Connection attempts in flight at once, across every login.</summary>
    [Range(1, 2)]
    public int ConnectAttemptsInFlight { get; set; } = 2;

    /// <summary>Milliseconds between the starts of two connection attempts.</summary>
    [Range(0, 60_000)]
    public int ConnectSpacingMilliseconds { get; set; } = 3000;

    /// <summary>While the futures market is closed, a dropped stream waits for the reopen instead of backing off.</summary>
    public bool SuppressReconnectWhileMarketClosed { get; set; } = true;
}
