namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>
/// Fill ids already seen, grouped by trade date and kept for the <c>tradeDatesKept</c> most recent trade dates, so
/// memory is bounded by a few sessions' fills. A fill older than every kept trade date counts as seen: only a
/// replay brings fills of a trade date that has already rolled away.
/// </summary>
internal sealed class TradovateSeenFills(int tradeDatesKept)
{
    private readonly SortedDictionary<DateOnly, HashSet<long>> _byTradeDate = [];

    public int Count => _byTradeDate.Values.Sum(ids => ids.Count);

    /// <summary>True the first time a fill id is offered (and records it); false ever after, or when too old.</summary>
    public bool FirstTime(long fillId, DateOnly tradeDate)
    {
        if (_byTradeDate.Values.Any(ids => ids.Contains(fillId)))
        {
            return false;
        }

        if (_byTradeDate.Count >= tradeDatesKept && tradeDate < _byTradeDate.Keys.First())
        {
            return false;
        }

        if (!_byTradeDate.TryGetValue(tradeDate, out var bucket))
        {
            bucket = [];
            _byTradeDate[tradeDate] = bucket;
            if (_byTradeDate.Count > tradeDatesKept)
            {
                _byTradeDate.Remove(_byTradeDate.Keys.First());
            }
        }

        bucket.Add(fillId);
        return true;
    }
}
