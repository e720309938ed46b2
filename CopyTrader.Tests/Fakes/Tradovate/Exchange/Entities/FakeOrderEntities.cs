namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>The order itself: no quantity, price or clOrdId (those are on the version and the command) [C].</summary>
public sealed record FakeOrder(long Id, long AccountId, long ContractId, DateTimeOffset Timestamp, string Action, string OrdStatus) : IFakeEntity
{
    public long? OcoId { get; init; }

    public long? ParentId { get; init; }

    public long? LinkedId { get; init; }

    public bool Admin { get; init; }
}

public sealed record FakeOrderVersion(long Id, long OrderId, int OrderQty, string OrderType, decimal? Price, decimal? StopPrice) : IFakeEntity
{
    public string? TimeInForce { get; init; }

    public string? Text { get; init; }
}

/// <summary><c>commandType</c> New, Modify or Cancel; carries the client's clOrdId and isAutomated.</summary>
public sealed record FakeCommand(long Id, long OrderId, DateTimeOffset Timestamp, string CommandType, string CommandStatus, bool IsAutomated) : IFakeEntity
{
    public string? ClOrdId { get; init; }

    public string? CustomTag50 { get; init; }

    public string? ActivationTime { get; init; }
}

public sealed record FakeCommandReport(long Id, long CommandId, DateTimeOffset Timestamp, string CommandStatus) : IFakeEntity
{
    public string? RejectReason { get; init; }

    public string? Text { get; init; }

    public string? OrdStatus { get; init; }
}

/// <summary><c>name</c> carries the account name [U: the field is undocumented beyond its existence].</summary>
public sealed record FakeExecutionReport(
    long Id, long CommandId, string Name, long AccountId, long ContractId, DateTimeOffset Timestamp, FakeTradeDate TradeDate,
    long OrderId, string ExecType, string OrdStatus, string Action) : IFakeEntity
{
    public int? CumQty { get; init; }

    public decimal? AvgPx { get; init; }

    public int? LastQty { get; init; }

    public decimal? LastPx { get; init; }

    public string? RejectReason { get; init; }

    public string? Text { get; init; }
}
