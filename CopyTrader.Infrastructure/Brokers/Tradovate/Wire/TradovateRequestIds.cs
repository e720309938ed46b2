namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// Request ids for one connection: 0 is <c>authorize</c> (as in the protocol file's example), every other
/// request takes the next integer from 1 up, so ids never repeat on the socket. Create one per connection.
/// </summary>
public sealed class TradovateRequestIds
{
    public const long Authorize = 0;

    private long _last = Authorize;

    /// <summary>The next unused id; safe to call from several threads.</summary>
    public long Next() => Interlocked.Increment(ref _last);
}
