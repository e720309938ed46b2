using static CopyTrader.Tests.Fakes.Tradovate.Exchange.FakeTradovateWords;

namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// Matching against the last price, oldest order first. Market fills at the last price. A buy limit fills when
/// last &lt;= limit, a sell limit when last &gt;= limit: at the last price when it is marketable as placed,
/// modified or activated, at its limit once resting. A buy stop triggers when last &gt;= stop, a sell stop when
/// last &lt;= stop, and fills at the last price; a stop-limit then works as a limit. Fills are whole unless a test
/// calls <see cref="Fill"/>.
/// </summary>
public sealed partial class FakeTradovateExchange
{
    private void Sweep(long contractId)
    {
        var last = _prices[contractId];
        while (NextExecutable(contractId, last) is { } next)
        {
            Execute(next.Order, next.Order.Remaining, next.Price);
        }

        foreach (var order in _book.Values.Where(o => o.ContractId == contractId))
        {
            order.Rested = true;
        }
    }

    private (FakeWorkingOrder Order, decimal Price)? NextExecutable(long contractId, decimal last)
    {
        foreach (var order in _book.Values.Where(o => o.ContractId == contractId).OrderBy(o => o.OrderId))
        {
            if (StatusOf(order) == Working && ExecutablePrice(order, last) is { } price)
            {
                return (order, price);
            }
        }

        return null;
    }

    private static decimal? ExecutablePrice(FakeWorkingOrder order, decimal last)
    {
        switch (order.OrderType)
        {
            case Market:
                return last;
            case Stop:
                return StopReached(order, last) ? last : null;
            case StopLimit when !order.Triggered:
                if (!StopReached(order, last))
                {
                    return null;
                }

                order.Triggered = true;
                order.Rested = false;
                return LimitPrice(order, last);
            default:
                return LimitPrice(order, last);
        }
    }

    private static bool StopReached(FakeWorkingOrder order, decimal last) => order.IsBuy ? last >= order.StopPrice : last <= order.StopPrice;

    private static decimal? LimitPrice(FakeWorkingOrder order, decimal last)
    {
        var limit = order.Price!.Value;
        var crosses = order.IsBuy ? last <= limit : last >= limit;
        return !crosses ? null : order.Rested ? limit : last;
    }

    /// <summary>executionReport Trade → fill → order Filled → position → cashBalance → fillPairs; then OCO and brackets.</summary>
    private void Execute(FakeWorkingOrder order, int qty, decimal price)
    {
        var now = Now;
        order.CumQty += qty;
        order.FilledValue += qty * price;
        var filled = order.Remaining == 0;
        Report(order, "Trade", filled ? Filled : Working, r => r with { LastQty = qty, LastPx = price });
        var fill = Save(new FakeFill(_ids.Next<FakeFill>(), order.OrderId, order.ContractId, now, FakeTradeDates.Of(now), order.Action, qty, price));
        if (filled)
        {
            SetStatus(order, Filled);
        }

        foreach (var pair in ApplyToPosition(order.AccountId, order.ContractId, fill))
        {
            Save(pair);
        }

        if (order.OcoPartnerId is { } partnerId && _book[partnerId] is var partner && IsLive(StatusOf(partner)))
        {
            CancelByExchange(partner);
        }

        if (filled)
        {
            foreach (var child in order.Children.Select(id => _book[id]).Where(c => StatusOf(c) == Suspended))
            {
                Activate(child);
            }
        }
    }
}
