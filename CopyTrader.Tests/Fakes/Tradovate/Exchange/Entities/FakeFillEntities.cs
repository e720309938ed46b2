namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

public sealed record FakeTradeDate(int Year, int Month, int Day);

public sealed record FakeFill(
    long Id, long OrderId, long ContractId, DateTimeOffset Timestamp, FakeTradeDate TradeDate, string Action, int Qty, decimal Price)
    : IFakeEntity
{
    public bool Active { get; init; } = true;

    public int FinallyPaired { get; init; }
}

public sealed record FakeFillPair(long Id, long PositionId, long BuyFillId, long SellFillId, int Qty, decimal BuyPrice, decimal SellPrice) : IFakeEntity
{
    public bool Active { get; init; } = true;
}

/// <summary>
/// <c>netPos</c> signed; <c>netPrice</c> the average price of the open quantity, absent when flat. A flat position
/// keeps existing with <c>netPos</c> 0 [C]. <c>bought/sold</c> count the session's fills.
/// </summary>
public sealed record FakePosition(
    long Id, long AccountId, long ContractId, DateTimeOffset Timestamp, FakeTradeDate TradeDate, int NetPos, decimal? NetPrice,
    int Bought, decimal BoughtValue, int Sold, decimal SoldValue, int PrevPos, decimal? PrevPrice) : IFakeEntity;
