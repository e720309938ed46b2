namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>What an order version says: type, prices, time in force and text.</summary>
internal sealed record FakeOrderSpec(string OrderType, decimal? Price, decimal? StopPrice, string? TimeInForce, string? Text)
{
    public static FakeOrderSpec Of(FakeOrderTicket t) => new(t.OrderType, t.Price, t.StopPrice, t.TimeInForce, t.Text);

    public static FakeOrderSpec Of(FakeBracket b) => new(b.OrderType, b.Price, b.StopPrice, b.TimeInForce, b.Text);

    public static FakeOrderSpec Of(FakeModifyTicket t) => new(t.OrderType, t.Price, t.StopPrice, t.TimeInForce, t.Text);

    public static FakeOrderSpec MarketOrder => new(FakeTradovateWords.Market, null, null, null, null);

    public bool NeedsPrice => OrderType is FakeTradovateWords.Limit or FakeTradovateWords.StopLimit;

    public bool NeedsStopPrice => OrderType is FakeTradovateWords.Stop or FakeTradovateWords.StopLimit;
}
