namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// Positions and cash from fills. Open quantity is kept as first-in-first-out lots: a fill against the position
/// closes the oldest lots first, realising (exit − entry) × valuePerPoint × qty (sign by side) into the cash
/// balance's <c>amount</c> and <c>realizedPnL</c>, and pairing the two fills (<c>fillPair</c>) when both are
/// known. Any remainder opens a lot the other way (a reversal). <c>netPrice</c> is the average of the open lots.
/// </summary>
public sealed partial class FakeTradovateExchange
{
    private List<FakeFillPair> ApplyToPosition(long accountId, long contractId, FakeFill fill)
    {
        var now = Now;
        var valuePerPoint = ProductOf(contractId).ValuePerPoint;
        var position = PositionCore(accountId, contractId)
            ?? new FakePosition(_ids.Next<FakePosition>(), accountId, contractId, now, FakeTradeDates.Of(now), 0, null, 0, 0m, 0, 0m, 0, null);
        var lots = _lots.TryGetValue(position.Id, out var existing) ? existing : _lots[position.Id] = [];
        var buy = fill.Action == FakeTradovateWords.Buy;
        var remaining = buy ? fill.Qty : -fill.Qty;
        var realized = 0m;
        var pairs = new List<FakeFillPair>();
        while (remaining != 0 && lots.Count > 0 && Math.Sign(lots[0].Qty) != Math.Sign(remaining))
        {
            var lot = lots[0];
            var closed = Math.Min(Math.Abs(lot.Qty), Math.Abs(remaining));
            var longLot = lot.Qty > 0;
            realized += (fill.Price - lot.Price) * closed * valuePerPoint * (longLot ? 1 : -1);
            if (lot.FillId is { } lotFill)
            {
                pairs.Add(longLot
                    ? new FakeFillPair(_ids.Next<FakeFillPair>(), position.Id, lotFill, fill.Id, closed, lot.Price, fill.Price)
                    : new FakeFillPair(_ids.Next<FakeFillPair>(), position.Id, fill.Id, lotFill, closed, fill.Price, lot.Price));
            }

            lot.Qty -= Math.Sign(lot.Qty) * closed;
            remaining -= Math.Sign(remaining) * closed;
            if (lot.Qty == 0)
            {
                lots.RemoveAt(0);
            }
        }

        if (remaining != 0)
        {
            lots.Add(new FakeLot(fill.Id, remaining, fill.Price));
        }

        var netPos = lots.Sum(l => l.Qty);
        Save(position with
        {
            Timestamp = now,
            TradeDate = FakeTradeDates.Of(now),
            NetPos = netPos,
            NetPrice = netPos == 0 ? null : lots.Sum(l => l.Qty * l.Price) / netPos,
            Bought = position.Bought + (buy ? fill.Qty : 0),
            BoughtValue = position.BoughtValue + (buy ? fill.Qty * fill.Price : 0m),
            Sold = position.Sold + (buy ? 0 : fill.Qty),
            SoldValue = position.SoldValue + (buy ? 0m : fill.Qty * fill.Price),
        });
        var cash = CashCore(accountId);
        Save(cash with
        {
            Timestamp = now,
            TradeDate = FakeTradeDates.Of(now),
            Amount = cash.Amount + realized,
            RealizedPnL = (cash.RealizedPnL ?? 0m) + realized,
            WeekRealizedPnL = (cash.WeekRealizedPnL ?? 0m) + realized,
        });
        return pairs;
    }
}
