using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;

namespace CopyTrader.Benchmarks;

/// <summary>
/// Collects what the zero-latency connectors receive: the count of every order, and for the leader fill being
/// measured, the timestamp of the last of its follower orders (recognised by the fill's CopyTag) and a signal
/// when all of them have arrived.
/// </summary>
internal sealed class OrderRecorder
{
    private readonly ManualResetEventSlim _allArrived = new(false, spinCount: 0);
    private string? _tagPrefix;
    private int _remaining;
    private long _lastTimestamp;
    private long _orders;
    private long _strays;

    /// <summary>Every order handed to any connector so far.</summary>
    public long Orders => Interlocked.Read(ref _orders);

    /// <summary>Orders that arrived while a fill was measured but did not belong to it.</summary>
    public long Strays => Interlocked.Read(ref _strays);

    /// <summary>The timestamp of the latest order of the measured fill.</summary>
    public long LastTimestamp => Interlocked.Read(ref _lastTimestamp);

    /// <summary>The CopyTag prefix shared by every follower order of one leader fill: <c>CT-{hash}-</c>.</summary>
    public static string TagPrefix(int leaderAccountId, string fillId)
    {
        var tag = CopyTag.For(leaderAccountId, fillId, 0);
        return tag[..(tag.LastIndexOf('-') + 1)];
    }

    /// <summary>Measure the next leader fill: expect <paramref name="orders"/> orders carrying its CopyTag.</summary>
    public void Expect(string tagPrefix, int orders)
    {
        _allArrived.Reset();
        Interlocked.Exchange(ref _lastTimestamp, 0);
        Volatile.Write(ref _remaining, orders);
        Volatile.Write(ref _tagPrefix, tagPrefix);
    }

    /// <summary>Stop measuring single fills; orders are only counted.</summary>
    public void ExpectNothing() => Volatile.Write(ref _tagPrefix, null);

    public bool WaitForAll(TimeSpan timeout) => _allArrived.Wait(timeout);

    public void Record(OrderRequest request, long timestamp)
    {
        Interlocked.Increment(ref _orders);
        var prefix = Volatile.Read(ref _tagPrefix);
        if (prefix is null)
        {
            return;
        }

        if (request.ClientOrderId is null || !request.ClientOrderId.StartsWith(prefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _strays);
            return;
        }

        var last = Interlocked.Read(ref _lastTimestamp);
        while (timestamp > last)
        {
            var seen = Interlocked.CompareExchange(ref _lastTimestamp, timestamp, last);
            if (seen == last)
            {
                break;
            }

            last = seen;
        }

        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _allArrived.Set();
        }
    }
}
