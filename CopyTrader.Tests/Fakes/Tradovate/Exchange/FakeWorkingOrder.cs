namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>The matching engine's view of one order: what is left to fill, its prices, and its OCO / bracket links.</summary>
internal sealed class FakeWorkingOrder(long orderId, long accountId, long contractId, string action)
{
    public long OrderId { get; } = orderId;

    public long AccountId { get; } = accountId;

    public long ContractId { get; } = contractId;

    public string Action { get; } = action;

    public bool IsBuy => Action == FakeTradovateWords.Buy;

    public int OrderQty { get; set; }

    public string OrderType { get; set; } = FakeTradovateWords.Market;

    public decimal? Price { get; set; }

    public decimal? StopPrice { get; set; }

    public int CumQty { get; set; }

    public decimal FilledValue { get; set; }

    public decimal? AvgPx => CumQty == 0 ? null : FilledValue / CumQty;

    public int Remaining => OrderQty - CumQty;

    /// <summary>A stop-limit whose stop price was reached; it now works as a limit order.</summary>
    public bool Triggered { get; set; }

    /// <summary>
    /// False while the order is being placed, modified or activated: a marketable limit then fills at the last
    /// price (price improvement); once it rests, a price moving through it fills it at its limit.
    /// </summary>
    public bool Rested { get; set; }

    public long? OcoPartnerId { get; set; }

    public List<long> Children { get; } = [];

    public long LastCommandId { get; set; }

    /// <summary>Set when the asynchronous reject fault took this placement.</summary>
    public FakePlacementFault? Rejection { get; set; }
}
