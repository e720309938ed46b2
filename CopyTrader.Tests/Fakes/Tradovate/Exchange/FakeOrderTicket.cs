namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>An order to place, with the fields of <c>order/placeorder</c> (protocol file 1.9). Action and OrderType are wire words.</summary>
public sealed record FakeOrderTicket(long AccountId, string Symbol, string Action, int OrderQty, string OrderType = FakeTradovateWords.Market)
{
    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    public string? TimeInForce { get; init; }

    public string? ClOrdId { get; init; }

    public string? Text { get; init; }

    /// <summary>False for a human at Tradovate's own UI; the wire requires true from a program [C].</summary>
    public bool IsAutomated { get; init; }

    public string? CustomTag50 { get; init; }

    public string? ActivationTime { get; init; }
}

/// <summary>A bracket of <c>placeoso</c> or the <c>other</c> of <c>placeoco</c> (RestrainedOrderVersion): quantity is the entry's.</summary>
public sealed record FakeBracket(string Action, string OrderType)
{
    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    public string? TimeInForce { get; init; }

    public string? ClOrdId { get; init; }

    public string? Text { get; init; }
}

/// <summary>The fields of <c>order/modifyorder</c>.</summary>
public sealed record FakeModifyTicket(long OrderId, int OrderQty, string OrderType)
{
    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    public string? TimeInForce { get; init; }

    public string? ClOrdId { get; init; }

    public string? Text { get; init; }

    public bool IsAutomated { get; init; }
}

/// <summary>Who sends a command: a program through the API (placement faults apply) or a human at Tradovate's UI.</summary>
public sealed record FakeCommandMeta(string? ClOrdId = null, bool IsAutomated = false, string? CustomTag50 = null);
