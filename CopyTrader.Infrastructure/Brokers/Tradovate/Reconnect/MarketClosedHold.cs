using System.Globalization;
using CopyTrader.Domain.Instruments;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;

/// <summary>
/// The market-closed hold of a <see cref="TradovateStreamSupervisor"/> (seed pitfall 20): while the market is closed
/// and the lead time before its next open is still ahead, the next attempt waits until then instead of backing off.
/// </summary>
internal sealed class MarketClosedHold
{
    private readonly TradovateStreamOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly FuturesMarketHours _marketHours;

    /// <exception cref="ArgumentException">A negative lead, a recheck interval that is not positive, or an unworkable schedule.</exception>
    public MarketClosedHold(TradovateStreamOptions options, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReconnectLeadBeforeOpen, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MarketClosedRecheckInterval, TimeSpan.Zero);
        _options = options;
        _timeProvider = timeProvider;
        _marketHours = new FuturesMarketHours(options.MarketHours);
    }

    /// <summary>The reconnect time when the hold applies at <paramref name="now"/>; null when the backoff applies.</summary>
    public DateTimeOffset? ReconnectAt(DateTimeOffset now)
    {
        if (!_options.SuppressReconnectWhileMarketClosed || _marketHours.IsOpen(now))
        {
            return null;
        }

        var reconnectAt = _marketHours.NextOpen(now) - _options.ReconnectLeadBeforeOpen;
        return reconnectAt > now ? reconnectAt : null;
    }

    /// <summary>"market closed; reconnecting at 2026-11-29T22:55:00Z".</summary>
    public static string Describe(DateTimeOffset reconnectAt) =>
        $"market closed; reconnecting at {reconnectAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Sleeps in steps of at most the recheck interval, re-reading the wall clock after each.</summary>
    public async Task WaitUntilAsync(DateTimeOffset reconnectAt, CancellationToken ct)
    {
        while (reconnectAt - _timeProvider.GetUtcNow() is var left && left > TimeSpan.Zero)
        {
            var step = left < _options.MarketClosedRecheckInterval ? left : _options.MarketClosedRecheckInterval;
            await Task.Delay(step, _timeProvider, ct);
        }
    }
}
