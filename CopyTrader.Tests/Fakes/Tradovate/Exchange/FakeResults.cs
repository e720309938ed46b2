namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>PlaceOrderResult (protocol file 1.9): <c>orderId</c> (+ <c>oso1Id/oso2Id</c> or <c>ocoId</c>) or <c>failureReason/failureText</c>.</summary>
public sealed record FakePlaceResult(long? OrderId, string? FailureReason = null, string? FailureText = null)
{
    public long? Oso1Id { get; init; }

    public long? Oso2Id { get; init; }

    public long? OcoId { get; init; }

    public bool Succeeded => FailureReason is null;

    public static FakePlaceResult Failure(string reason, string text) => new(null, reason, text);
}

/// <summary>CommandResult: <c>commandId</c> or <c>failureReason/failureText</c>.</summary>
public sealed record FakeCommandResult(long? CommandId, string? FailureReason = null, string? FailureText = null)
{
    public bool Succeeded => FailureReason is null;

    public static FakeCommandResult Failure(string reason, string text) => new(null, reason, text);
}

/// <summary>The answer of <c>cashBalance/getcashbalancesnapshot</c>; open P&amp;L is (last − netPrice) × valuePerPoint × netPos.</summary>
public sealed record FakeCashSnapshot(
    decimal TotalCashValue, decimal RealizedPnL, decimal WeekRealizedPnL, decimal OpenPnL, decimal TotalPnL, decimal NetLiq,
    decimal InitialMargin, decimal MaintenanceMargin);
